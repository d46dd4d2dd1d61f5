namespace CommandCenter.Squads.Admin;

/// <summary>
/// How the active squads' areas cover the county: whether a county is set at all, and the part of it that no
/// squad covers (GeoJSON, WGS-84; null when there is no gap worth naming) with its size.
/// </summary>
public record SquadCoverageReport(bool CountySet, string? CountyName, string? Gap, double GapSquareMetres)
{
    public bool HasGap => Gap is not null;
}
