using System.Globalization;
using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using NetTopologySuite.Geometries;
using Names = CommandCenter.Geo.GeoJson.FenceJsonNames;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// Reads a fence's id and properties. Missing properties take the defaults of a fence drawn in another
/// tool (an inclusion fence for all subjects, always active, no buffer); wrong ones are errors.
/// </summary>
internal static class FencePropertiesReader
{
    public static FenceDefinition? Read(JsonElement feature, Geometry geometry, int featureIndex, ImportLog log)
    {
        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        int errorsBefore = log.ErrorCount;

        // RFC 7946 puts the identifier beside the properties; a property "id" is accepted too.
        int id = ReadId(feature, properties, log);
        string name = ReadString(properties, Names.Name, log) ?? $"Fence {featureIndex + 1}";
        var kind = FenceKind.Inclusion;
        string? kindCode = ReadString(properties, Names.Kind, log);
        if (kindCode is not null && !Names.TryParse(Names.KindCodes, kindCode, out kind))
        {
            log.Error(GeoJsonMessages.UnknownKind, property: Names.Kind, args: [kindCode, string.Join(", ", Names.KindCodes.Values)]);
        }

        double buffer = ReadNumber(properties, Names.BufferMetres, log) ?? 0;
        if (buffer is < 0 or > FenceDefinition.MaxBufferMetres)
        {
            log.Error(GeoJsonMessages.Buffer, property: Names.BufferMetres, args: [ImportLog.Text(FenceDefinition.MaxBufferMetres)]);
        }

        bool immediate = false;
        if (TryGet(properties, Names.Immediate, out var immediateElement))
        {
            if (immediateElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                immediate = immediateElement.GetBoolean();
            }
            else
            {
                log.Error(GeoJsonMessages.MustBeBoolean, property: Names.Immediate);
            }
        }

        var scope = TryGet(properties, Names.Scope, out var scopeElement) ? ReadScope(scopeElement, log) : FenceScope.AllSubjects;
        var schedule = TryGet(properties, Names.Schedule, out var scheduleElement) ? ReadSchedule(scheduleElement, log) : FenceSchedule.Always;

        if (log.ErrorCount != errorsBefore || scope is null || schedule is null)
        {
            return null;
        }

        try
        {
            return new FenceDefinition(id, name, kind, geometry, buffer, scope, schedule, immediate);
        }
        catch (ArgumentException)
        {
            // What the definition refuses was checked above; this is a guard, not a message of its own.
            log.Error(GeoJsonMessages.FenceRefused);
            return null;
        }
    }

    private static int ReadId(JsonElement feature, JsonElement properties, ImportLog log)
    {
        if (!TryGet(feature, Names.Id, out var id) && !TryGet(properties, Names.Id, out id))
        {
            return 0;
        }

        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out int value) && value >= 0)
        {
            return value;
        }

        log.Error(GeoJsonMessages.BadId, property: Names.Id);
        return 0;
    }

    private static FenceScope? ReadScope(JsonElement scope, ImportLog log)
    {
        string? code = ReadString(scope, Names.Kind, log, $"{Names.Scope}.{Names.Kind}");
        if (scope.ValueKind != JsonValueKind.Object || !Names.TryParse(Names.ScopeCodes, code, out FenceScopeKind kind))
        {
            log.Error(GeoJsonMessages.BadScope, property: Names.Scope, args: [string.Join(", ", Names.ScopeCodes.Values)]);
            return null;
        }

        switch (kind)
        {
            case FenceScopeKind.ListedSubjects:
                if (!TryGet(scope, Names.ScopeSubjects, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
                    || list.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out _)))
                {
                    log.Error(GeoJsonMessages.NoSubjectIds, property: $"{Names.Scope}.{Names.ScopeSubjects}");
                    return null;
                }

                return FenceScope.ListedSubjects(list.EnumerateArray().Select(s => s.GetInt64()));
            case FenceScopeKind.RiskLevel:
                return ReadInteger(scope, Names.ScopeRiskLevel, log) is { } risk ? FenceScope.ForRiskLevel(risk) : null;
            case FenceScopeKind.Squad:
                return ReadInteger(scope, Names.ScopeSquad, log) is { } squad ? FenceScope.ForSquad(squad) : null;
            default:
                return FenceScope.AllSubjects;
        }
    }

    private static FenceSchedule? ReadSchedule(JsonElement schedule, ImportLog log)
    {
        if (schedule.ValueKind != JsonValueKind.Object)
        {
            log.Error(GeoJsonMessages.BadSchedule, property: Names.Schedule);
            return null;
        }

        int errorsBefore = log.ErrorCount;
        var windows = ReadArray(schedule, Names.Windows, log, (w, path) => ReadWindow(w, path, log));
        var dates = ReadArray(schedule, Names.Dates, log, (d, path) => ReadDateRange(d, path, log));
        return log.ErrorCount == errorsBefore ? new FenceSchedule(windows.OfType<WeeklyWindow>(), dates.OfType<DateRange>()) : null;
    }

    private static WeeklyWindow? ReadWindow(JsonElement window, string path, ImportLog log)
    {
        var start = ReadParsed(window, Names.Start, path, log, ParseTime, GeoJsonMessages.MustBeTime);
        var end = ReadParsed(window, Names.End, path, log, ParseTime, GeoJsonMessages.MustBeTime);
        if (start is null || end is null)
        {
            return null;
        }

        if (!TryGet(window, Names.Days, out var days))
        {
            return WeeklyWindow.Daily(start.Value, end.Value);
        }

        var parsed = new List<DayOfWeek>();
        if (days.ValueKind == JsonValueKind.Array)
        {
            foreach (var day in days.EnumerateArray())
            {
                if (day.ValueKind == JsonValueKind.String && Names.TryParse(Names.DayCodes, day.GetString(), out DayOfWeek d))
                {
                    parsed.Add(d);
                }
                else
                {
                    parsed.Clear();
                    break;
                }
            }
        }

        if (parsed.Count == 0)
        {
            log.Error(GeoJsonMessages.BadDays, property: $"{path}.{Names.Days}", args: [string.Join(", ", Names.DayCodes.Values)]);
            return null;
        }

        return new WeeklyWindow(parsed, start.Value, end.Value);

        static TimeOnly? ParseTime(string s) =>
            TimeOnly.TryParseExact(s, Names.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
    }

    private static DateRange? ReadDateRange(JsonElement range, string path, ImportLog log)
    {
        var from = ReadParsed(range, Names.From, path, log, ParseDate, GeoJsonMessages.MustBeDate);
        var to = ReadParsed(range, Names.To, path, log, ParseDate, GeoJsonMessages.MustBeDate);
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            log.Error(GeoJsonMessages.RangeBackwards, property: path);
            return null;
        }

        return new DateRange(from.Value, to.Value);

        static DateOnly? ParseDate(string s) =>
            DateOnly.TryParseExact(s, Names.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
    }

    private static List<T?> ReadArray<T>(JsonElement parent, string name, ImportLog log, Func<JsonElement, string, T?> read)
    {
        if (!TryGet(parent, name, out var array))
        {
            return [];
        }

        string path = $"{Names.Schedule}.{name}";
        if (array.ValueKind != JsonValueKind.Array)
        {
            log.Error(GeoJsonMessages.MustBeArray, property: path);
            return [];
        }

        return [.. array.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Object
            ? read(item, $"{path}[{i}]")
            : Fail($"{path}[{i}]"))];

        T? Fail(string itemPath)
        {
            log.Error(GeoJsonMessages.MustBeObject, property: itemPath);
            return default;
        }
    }

    private static T? ReadParsed<T>(JsonElement parent, string name, string path, ImportLog log, Func<string, T?> parse, string expectedKey)
        where T : struct
    {
        var value = TryGet(parent, name, out var element) && element.ValueKind == JsonValueKind.String ? parse(element.GetString()!) : null;
        if (value is null)
        {
            log.Error(expectedKey, property: $"{path}.{name}");
        }

        return value;
    }

    private static string? ReadString(JsonElement parent, string name, ImportLog log, string? path = null)
    {
        if (!TryGet(parent, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            log.Error(GeoJsonMessages.MustBeString, property: path ?? name);
            return null;
        }

        return value.GetString();
    }

    private static double? ReadNumber(JsonElement parent, string name, ImportLog log)
    {
        if (!TryGet(parent, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number))
        {
            return number;
        }

        log.Error(GeoJsonMessages.MustBeNumber, property: name);
        return null;
    }

    private static int? ReadInteger(JsonElement parent, string name, ImportLog log)
    {
        if (TryGet(parent, name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        log.Error(GeoJsonMessages.MustBeInteger, property: $"{Names.Scope}.{name}");
        return null;
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
