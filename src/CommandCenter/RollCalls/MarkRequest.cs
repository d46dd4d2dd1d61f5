namespace CommandCenter.RollCalls;

/// <summary>The officer's mark of one person at a roll call, with an optional note (required for an excuse).</summary>
public class MarkRequest
{
    public RollCallMark? Mark { get; set; }
    public string? Note { get; set; }
}
