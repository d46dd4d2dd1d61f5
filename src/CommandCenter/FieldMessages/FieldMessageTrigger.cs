namespace CommandCenter.FieldMessages;

/// <summary>Why a message was sent.</summary>
public enum FieldMessageTrigger
{
    /// <summary>A squad was sent to an alert: its channel and its leader hear of it.</summary>
    Dispatched,

    /// <summary>An alert nobody acknowledged in time: the commander hears of it.</summary>
    Escalated,

    /// <summary>A critical alert nobody acknowledged: the commander and the subject's squad hear of it.</summary>
    CriticalUnacknowledged,

    /// <summary>The day's figures, at the time the site sets.</summary>
    DailySummary,
}
