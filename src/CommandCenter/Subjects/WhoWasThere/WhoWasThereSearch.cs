using NetTopologySuite.Geometries;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// A checked search: the area to look in (WGS-84), the point distances are measured from (the picked point,
/// or the drawn area's centre), the radius when the area is a circle around it, the window and the case.
/// </summary>
public sealed record WhoWasThereSearch(Geometry Area, Point Centre, double? RadiusMetres, DateTimeOffset From, DateTimeOffset To, string CaseNumber);
