using System.Text.Json;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// A search as the API takes it: either an area (a GeoJSON Polygon or MultiPolygon, WGS-84) or a point
/// (latitude, longitude) and a radius in metres; a window of instants; and the case it serves.
/// </summary>
public sealed record WhoWasThereRequest(
    JsonElement? Area = null,
    double? Latitude = null,
    double? Longitude = null,
    double? RadiusMetres = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? CaseNumber = null);
