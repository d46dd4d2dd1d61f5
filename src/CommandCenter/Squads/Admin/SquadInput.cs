using System.Text.Json;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// A squad to add or change, as the API and the page send it. The base is a GeoJSON Point and the area a
/// GeoJSON Polygon or MultiPolygon, both WGS-84 longitude, latitude. A change names the version it was made
/// from, so that it cannot silently undo another commander's change made meanwhile.
/// </summary>
public record SquadInput(
    string? Code,
    string? Name,
    string? LeaderName,
    string? DutyPhone,
    JsonElement? Base,
    JsonElement? Area,
    int? Version = null);
