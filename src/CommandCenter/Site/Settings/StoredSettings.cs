namespace CommandCenter.Site.Settings;

/// <summary>
/// The settings a commander changed, as configuration keys and their text: one row for the whole site, so
/// that one version number tells every node whether it holds the latest (a stale save is refused).
/// </summary>
public class StoredSettings
{
    /// <summary>The one row's id.</summary>
    public const int Row = 1;

    public int Id { get; set; } = Row;

    /// <summary>Configuration key (e.g. <c>Alerts:OfflineAfter:Bracelet</c>) to value; a key not here keeps its default.</summary>
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>Counts the saves; 0 while nothing was ever saved.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
