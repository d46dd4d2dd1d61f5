namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>The people found, closest first; truncated when more were found than one answer lists.</summary>
public sealed record WhoWasThereResult(
    string CaseNumber, DateTimeOffset From, DateTimeOffset To, double CentreLatitude, double CentreLongitude, double? RadiusMetres,
    IReadOnlyList<PersonNearby> People, bool Truncated);
