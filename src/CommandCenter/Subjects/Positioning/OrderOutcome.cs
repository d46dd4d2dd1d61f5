namespace CommandCenter.Subjects.Positioning;

/// <summary>What became of a step on an order.</summary>
public enum OrderOutcome
{
    Done,
    /// <summary>The step would break a legal limit or lacks a field; nothing was stored.</summary>
    Invalid,
    /// <summary>No such subject or order, or one the person may not see.</summary>
    NotFound,
    /// <summary>The person's role may not take this step.</summary>
    Forbidden,
}
