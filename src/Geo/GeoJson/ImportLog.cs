namespace CommandCenter.Geo.GeoJson;

/// <summary>Collects the repairs and errors of one import, stamped with the feature being read.</summary>
internal sealed class ImportLog
{
    // A broken file can hold thousands of bad positions; past this many errors the rest add nothing.
    private const int MaxErrors = 200;

    private readonly List<GeoJsonIssue> _repairs = [];
    private readonly List<GeoJsonIssue> _errors = [];

    public int? Feature { get; set; }

    public IReadOnlyList<GeoJsonIssue> Repairs => _repairs;

    public IReadOnlyList<GeoJsonIssue> Errors => _errors;

    public int ErrorCount => _errors.Count;

    public void Error(string key, int? polygon = null, int? ring = null, int? vertex = null, string? property = null, IReadOnlyList<string>? args = null)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(Issue(key, args, polygon, ring, vertex, property));
        }
        else if (_errors.Count == MaxErrors)
        {
            _errors.Add(new GeoJsonIssue(null, GeoJsonMessages.TooManyErrors, [Text(MaxErrors)]));
        }
    }

    public void Repair(string key, int? polygon = null, int? ring = null, int? vertex = null, IReadOnlyList<string>? args = null) =>
        _repairs.Add(Issue(key, args, polygon, ring, vertex, null));

    /// <summary>A number as an argument of a message: invariant, so the file's own notation comes back.</summary>
    public static string Text(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private GeoJsonIssue Issue(string key, IReadOnlyList<string>? args, int? polygon, int? ring, int? vertex, string? property) =>
        new(Feature, key, args ?? []) { Polygon = polygon, Ring = ring, Vertex = vertex, Property = property };
}
