namespace CommandCenter.Reports;

/// <summary>How a check-in deadline of the day stands.</summary>
public enum CheckInOutcome
{
    /// <summary>Checked in within the period the deadline closes.</summary>
    Done,

    /// <summary>The deadline passed with no check-in.</summary>
    Missed,

    /// <summary>The deadline has not come yet.</summary>
    Pending,
}
