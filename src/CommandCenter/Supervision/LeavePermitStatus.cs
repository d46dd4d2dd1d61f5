namespace CommandCenter.Supervision;

/// <summary>How a leave permit stands at a moment: the rules excuse a county exit only while it is in force.</summary>
public enum LeavePermitStatus
{
    Upcoming,
    InForce,
    Ended,
    Revoked,
}
