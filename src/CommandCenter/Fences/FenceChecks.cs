using CommandCenter.Kit;
using System.Globalization;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Localization;
using CommandCenter.Subjects;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Fences;

/// <summary>
/// What makes a fence acceptable. Every problem is named by its field, the area's by where it is in the
/// geometry; unambiguous repairs of the area (a ring left open, a repeated point, the wrong orientation)
/// are made and reported.
/// </summary>
public static class FenceChecks
{
    public const int MaxNameLength = 100;
    private const string TimeFormat = "HH:mm";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>A fence made from the input (id 0, not stored), or the problems by field.</summary>
    public static FenceCheckResult Check(FenceInput input, IStringLocalizer<UiText> text)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", text["Refusal.Fence.Name", MaxNameLength]);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", text["Refusal.Fence.Kind", string.Join(", ", Enum.GetNames<FenceKind>())]);
        }

        if (input.BufferMeters is not { } buffer || !double.IsFinite(buffer) || buffer is < 0 or > FenceDefinition.MaxBufferMetres)
        {
            errors.Add("bufferMeters", text["Refusal.Fence.Buffer", Invariant(input.BufferMeters), FenceDefinition.MaxBufferMetres]);
        }

        var (area, repairs) = ReadArea(input, errors, text);
        CheckScope(input, errors, text);
        var schedule = ReadSchedule(input.Schedule, errors, text);
        if (errors.Count > 0)
        {
            return FenceCheckResult.Invalid(errors.ToDictionary());
        }

        var fence = new Geofence
        {
            Name = name!,
            Kind = input.Kind!.Value,
            Area = area!,
            BufferMeters = input.BufferMeters!.Value,
            Immediate = input.Immediate ?? false,
            Scope = input.Scope!.Value,
            ScopeSubjectIds = input.Scope == FenceScopeKind.ListedSubjects ? [.. input.ScopeSubjectIds!.Distinct().Order()] : [],
            ScopeRiskLevel = input.Scope == FenceScopeKind.RiskLevel ? input.ScopeRiskLevel : null,
            ScopeSquadId = input.Scope == FenceScopeKind.Squad ? input.ScopeSquadId : null,
            Schedule = schedule,
            Active = input.Active ?? true,
        };
        return Usable(fence) is { } problem
            ? FenceCheckResult.Invalid(new() { ["area"] = [problem] })
            : FenceCheckResult.Valid(fence, repairs);
    }

    /// <summary>Null when the rules can use the fence, else why not (the last word on anything the checks above let through).</summary>
    public static string? Usable(Geofence fence)
    {
        try
        {
            FenceCatalog.ToDefinition(fence);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>"polygon 0, ring 1, vertex 7: …" — where in the area a GeoJSON problem is; the wrapping feature means nothing to the caller.</summary>
    public static string Describe(GeoJsonIssue issue, IStringLocalizer<UiText> text)
    {
        var where = (issue with { Feature = null }).Location;
        return where == "document" ? text.Message(issue) : $"{where["document, ".Length..]}: {text.Message(issue)}";
    }

    private static (NetTopologySuite.Geometries.Geometry? Area, List<string> Repairs) ReadArea(FenceInput input, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (input.Area is not { ValueKind: System.Text.Json.JsonValueKind.Object } area)
        {
            errors.Add("area", text["Refusal.Fence.Area"]);
            return (null, []);
        }

        var read = FenceGeoJsonReader.Read(area.GetRawText());
        foreach (var issue in read.Errors)
        {
            errors.Add("area", Describe(issue, text));
        }

        return read.Succeeded && read.Fences is [var fence]
            ? (fence.Geometry, [.. read.Repairs.Select(r => Describe(r, text))])
            : (null, []);
    }

    private static void CheckScope(FenceInput input, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        switch (input.Scope)
        {
            case FenceScopeKind.AllSubjects:
                break;
            case FenceScopeKind.ListedSubjects when input.ScopeSubjectIds is not { Length: > 0 }:
                errors.Add("scopeSubjectIds", text["Refusal.Fence.ScopeSubjectIds"]);
                break;
            case FenceScopeKind.RiskLevel when input.ScopeRiskLevel is not { } risk || !Enum.IsDefined(risk):
                errors.Add("scopeRiskLevel", text["Refusal.Fence.ScopeRiskLevel", string.Join(", ", Enum.GetNames<RiskLevel>())]);
                break;
            case FenceScopeKind.Squad when input.ScopeSquadId is null:
                errors.Add("scopeSquadId", text["Refusal.Fence.ScopeSquadId"]);
                break;
            case null:
                errors.Add("scope", text["Refusal.Fence.Scope", string.Join(", ", Enum.GetNames<FenceScopeKind>())]);
                break;
        }
    }

    private static GeofenceSchedule? ReadSchedule(FenceScheduleFields? fields, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (fields is null)
        {
            return null;
        }

        var from = ReadDate(fields.From, "schedule.from", errors, text);
        var to = ReadDate(fields.To, "schedule.to", errors, text);
        if (from is { } start && to is { } end && end < start)
        {
            errors.Add("schedule.to", text["Refusal.Fence.DateRange", end.ToString(DateFormat, CultureInfo.InvariantCulture), start.ToString(DateFormat, CultureInfo.InvariantCulture)]);
        }

        var windows = new List<WeeklyWindow>();
        foreach (var (window, i) in (fields.Windows ?? []).Select((w, i) => (w, i)))
        {
            var path = $"schedule.windows[{i}]";
            if (window?.Days is not { Count: > 0 } days || days.Any(d => !Enum.IsDefined(d)))
            {
                errors.Add($"{path}.days", text["Refusal.Fence.WindowDays"]);
                continue;
            }

            var opens = ReadTime(window.Start, $"{path}.start", errors, text);
            var closes = ReadTime(window.End, $"{path}.end", errors, text);
            if (opens is { } o && closes is { } c)
            {
                if (o == c)
                {
                    errors.Add(path, text["Refusal.Fence.WindowEmpty"]);
                }

                windows.Add(new WeeklyWindow { Days = [.. days.Distinct()], Start = o, End = c });
            }
        }

        return new GeofenceSchedule { From = from, To = to, Windows = windows };
    }

    private static DateOnly? ReadDate(string? value, string field, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["Refusal.Fence.Date", value]);
        return null;
    }

    private static TimeOnly? ReadTime(string? value, string field, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (value is not null && TimeOnly.TryParseExact(value.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, text["Refusal.Fence.Time", value ?? string.Empty]);
        return null;
    }

    private static string Invariant(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
