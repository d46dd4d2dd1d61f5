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

    public void Error(string message, int? polygon = null, int? ring = null, int? vertex = null, string? property = null)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(Issue(message, polygon, ring, vertex, property));
        }
        else if (_errors.Count == MaxErrors)
        {
            _errors.Add(new GeoJsonIssue(null, $"more than {MaxErrors} errors; the rest are not listed"));
        }
    }

    public void Repair(string message, int? polygon = null, int? ring = null, int? vertex = null) =>
        _repairs.Add(Issue(message, polygon, ring, vertex, null));

    private GeoJsonIssue Issue(string message, int? polygon, int? ring, int? vertex, string? property) =>
        new(Feature, message) { Polygon = polygon, Ring = ring, Vertex = vertex, Property = property };
}
