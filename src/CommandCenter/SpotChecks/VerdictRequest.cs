namespace CommandCenter.SpotChecks;

/// <summary>The officer's verdict on an answer's photo: the registered person (true) or not (false).</summary>
public class VerdictRequest
{
    public bool? Confirmed { get; set; }
}
