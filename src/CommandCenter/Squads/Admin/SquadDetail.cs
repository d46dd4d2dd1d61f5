namespace CommandCenter.Squads.Admin;

/// <summary>
/// A squad as the commander's set-up page and API show it: its contact details, its base and area (GeoJSON,
/// WGS-84), whether it is retired, and the version a change must name.
/// </summary>
public record SquadDetail(
    int Id,
    string Code,
    string Name,
    string LeaderName,
    string DutyPhone,
    double BaseLatitude,
    double BaseLongitude,
    string Area,
    DateTimeOffset? RetiredAt,
    int Version)
{
    public bool Retired => RetiredAt is not null;
}
