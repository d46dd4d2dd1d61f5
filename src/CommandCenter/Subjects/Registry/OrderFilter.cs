namespace CommandCenter.Subjects.Registry;

/// <summary>Subjects by where their electronic-positioning orders stand today.</summary>
public enum OrderFilter
{
    /// <summary>An approved order is in force today.</summary>
    InForce,
    /// <summary>A request awaits the bureau head's decision.</summary>
    AwaitingDecision,
    /// <summary>The order in force ends within the warning horizon with nothing approved to follow it.</summary>
    EndingSoon,
    /// <summary>No order is in force today: the live location is not shown.</summary>
    NoneInForce,
}
