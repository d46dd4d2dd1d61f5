namespace CommandCenter.SpotChecks;

/// <summary>
/// Where a person should be when a spot check is answered: within the destination of a leave permit in force,
/// otherwise at home (the registered home point). With neither, only the time is judged.
/// </summary>
public enum ExpectedPlace
{
    Home,
    LeaveDestination,
    Unknown,
}
