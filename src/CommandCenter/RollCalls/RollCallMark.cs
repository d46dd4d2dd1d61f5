namespace CommandCenter.RollCalls;

/// <summary>What the officer saw of a person called to a roll call.</summary>
public enum RollCallMark
{
    /// <summary>到场: seen before the camera.</summary>
    Present,
    /// <summary>缺席: not seen; raises RollCallMissed.</summary>
    Absent,
    /// <summary>请假/免于点名: excused for a reason the officer notes.</summary>
    Excused,
}
