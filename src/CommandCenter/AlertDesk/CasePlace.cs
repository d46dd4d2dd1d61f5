namespace CommandCenter.AlertDesk;

/// <summary>Where the desk centres an alert, and what that place is: where it was raised, the last fix, or the registered home.</summary>
public sealed record CasePlace(double Latitude, double Longitude, CasePlaceKind Kind);
