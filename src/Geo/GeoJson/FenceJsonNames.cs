using CommandCenter.Geo.Fences;

namespace CommandCenter.Geo.GeoJson;

/// <summary>The property names and codes of the fence GeoJSON format, shared by the reader and the writer.</summary>
internal static class FenceJsonNames
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string BufferMetres = "bufferMetres";
    public const string Immediate = "immediate";
    public const string Scope = "scope";
    public const string ScopeSubjects = "subjects";
    public const string ScopeRiskLevel = "riskLevel";
    public const string ScopeSquad = "squad";
    public const string Schedule = "schedule";
    public const string Windows = "windows";
    public const string Days = "days";
    public const string Start = "start";
    public const string End = "end";
    public const string Dates = "dates";
    public const string From = "from";
    public const string To = "to";

    public const string TimeFormat = "HH:mm";
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly IReadOnlyDictionary<FenceKind, string> KindCodes = new Dictionary<FenceKind, string>
    {
        [FenceKind.Inclusion] = "inclusion",
        [FenceKind.Exclusion] = "exclusion",
        [FenceKind.Home] = "home",
    };

    public static readonly IReadOnlyDictionary<FenceScopeKind, string> ScopeCodes = new Dictionary<FenceScopeKind, string>
    {
        [FenceScopeKind.AllSubjects] = "all",
        [FenceScopeKind.ListedSubjects] = ScopeSubjects,
        [FenceScopeKind.RiskLevel] = ScopeRiskLevel,
        [FenceScopeKind.Squad] = ScopeSquad,
    };

    public static readonly IReadOnlyDictionary<DayOfWeek, string> DayCodes = new Dictionary<DayOfWeek, string>
    {
        [DayOfWeek.Monday] = "mon",
        [DayOfWeek.Tuesday] = "tue",
        [DayOfWeek.Wednesday] = "wed",
        [DayOfWeek.Thursday] = "thu",
        [DayOfWeek.Friday] = "fri",
        [DayOfWeek.Saturday] = "sat",
        [DayOfWeek.Sunday] = "sun",
    };

    /// <summary>Finds the key whose code matches, ignoring case.</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> codes, string? code, out T value)
        where T : struct
    {
        foreach (var (key, candidate) in codes)
        {
            if (string.Equals(candidate, code, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
