namespace CommandCenter.Squads;

/// <summary>
/// A squad that could be sent to a place: how far its base is (and where, for the desk's map), whether it
/// is free, whether the place is in its area.
/// </summary>
public record SquadSuggestion(int Id, string Name, double DistanceMeters, bool Available, bool HoldsThePlace, double BaseLatitude, double BaseLongitude);
