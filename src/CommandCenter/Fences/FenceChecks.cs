using System.Globalization;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.GeoJson;

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
    public static FenceCheckResult Check(FenceInput input)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", $"The name is required, at most {MaxNameLength} characters.");
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", $"The kind is required: one of {string.Join(", ", Enum.GetNames<GeofenceKind>())}.");
        }

        if (input.BufferMeters is not { } buffer || !double.IsFinite(buffer) || buffer is < 0 or > FenceDefinition.MaxBufferMetres)
        {
            errors.Add("bufferMeters", $"The buffer {input.BufferMeters} must be between 0 and {FenceDefinition.MaxBufferMetres} metres.");
        }

        var (area, repairs) = ReadArea(input, errors);
        CheckScope(input, errors);
        var schedule = ReadSchedule(input.Schedule, errors);
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
            ScopeSubjectIds = input.Scope == GeofenceScope.ListedSubjects ? [.. input.ScopeSubjectIds!.Distinct().Order()] : [],
            ScopeRiskLevel = input.Scope == GeofenceScope.RiskLevel ? input.ScopeRiskLevel : null,
            ScopeSquadId = input.Scope == GeofenceScope.Squad ? input.ScopeSquadId : null,
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
    public static string Describe(GeoJsonIssue issue)
    {
        var where = (issue with { Feature = null }).Location;
        return where == "document" ? issue.Message : $"{where["document, ".Length..]}: {issue.Message}";
    }

    private static (NetTopologySuite.Geometries.Geometry? Area, List<string> Repairs) ReadArea(FenceInput input, FieldErrors errors)
    {
        if (input.Area is not { ValueKind: System.Text.Json.JsonValueKind.Object } area)
        {
            errors.Add("area", "The area is required: a GeoJSON Polygon or MultiPolygon in WGS-84 (longitude, latitude).");
            return (null, []);
        }

        var read = FenceGeoJsonReader.Read(area.GetRawText());
        foreach (var issue in read.Errors)
        {
            errors.Add("area", Describe(issue));
        }

        return read.Succeeded && read.Fences is [var fence]
            ? (fence.Geometry, [.. read.Repairs.Select(Describe)])
            : (null, []);
    }

    private static void CheckScope(FenceInput input, FieldErrors errors)
    {
        switch (input.Scope)
        {
            case GeofenceScope.AllSubjects:
                break;
            case GeofenceScope.ListedSubjects when input.ScopeSubjectIds is not { Length: > 0 }:
                errors.Add("scopeSubjectIds", "A fence for listed subjects needs at least one subject id.");
                break;
            case GeofenceScope.RiskLevel when input.ScopeRiskLevel is not { } risk || !Enum.IsDefined(risk):
                errors.Add("scopeRiskLevel", "A fence for a risk level needs the level: High, Medium or Low.");
                break;
            case GeofenceScope.Squad when input.ScopeSquadId is null:
                errors.Add("scopeSquadId", "A fence for a squad needs the squad's id.");
                break;
            case null:
                errors.Add("scope", "The scope is required: AllSubjects, ListedSubjects, RiskLevel or Squad.");
                break;
        }
    }

    private static GeofenceSchedule? ReadSchedule(FenceScheduleFields? fields, FieldErrors errors)
    {
        if (fields is null)
        {
            return null;
        }

        var from = ReadDate(fields.From, "schedule.from", errors);
        var to = ReadDate(fields.To, "schedule.to", errors);
        if (from is { } start && to is { } end && end < start)
        {
            errors.Add("schedule.to", $"The date range ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        var windows = new List<WeeklyWindow>();
        foreach (var (window, i) in (fields.Windows ?? []).Select((w, i) => (w, i)))
        {
            var path = $"schedule.windows[{i}]";
            if (window?.Days is not { Count: > 0 } days || days.Any(d => !Enum.IsDefined(d)))
            {
                errors.Add($"{path}.days", "A window needs at least one day of the week.");
                continue;
            }

            var opens = ReadTime(window.Start, $"{path}.start", errors);
            var closes = ReadTime(window.End, $"{path}.end", errors);
            if (opens is { } o && closes is { } c)
            {
                if (o == c)
                {
                    errors.Add(path, "A window that opens and closes at the same time is empty; leave the schedule out for always.");
                }

                windows.Add(new WeeklyWindow { Days = [.. days.Distinct()], Start = o, End = c });
            }
        }

        return new GeofenceSchedule { From = from, To = to, Windows = windows };
    }

    private static DateOnly? ReadDate(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text}' is not a date yyyy-MM-dd.");
        return null;
    }

    private static TimeOnly? ReadTime(string? text, string field, FieldErrors errors)
    {
        if (text is not null && TimeOnly.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"'{text}' is not a time HH:mm (00:00 to 23:59).");
        return null;
    }
}
