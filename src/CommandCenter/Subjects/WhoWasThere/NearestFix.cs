namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>A subject's fix closest to the search's centre, among their fixes inside the area during a covered span.</summary>
public readonly record struct NearestFix(int SubjectId, DateTimeOffset Time, double DistanceMetres, double Latitude, double Longitude, int FixesInside);
