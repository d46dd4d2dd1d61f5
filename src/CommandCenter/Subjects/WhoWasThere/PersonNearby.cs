namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// A person whose track came within the area: the fix of theirs closest to the centre, when it was taken and how
/// far from the centre it lay (metres on the spheroid), and how many of their fixes fell inside.
/// </summary>
public sealed record PersonNearby(
    int SubjectId, string Code, DateTimeOffset ClosestFixTime, double DistanceMetres, double Latitude, double Longitude, int FixesInside);
