namespace CommandCenter.Ingest;

/// <summary>How a submission through the <see cref="IngestGate"/> ended: committed, refused for its devices, or not possible now.</summary>
public record GateOutcome(BatchReceipt? Receipt, IReadOnlyList<ItemProblem> Unauthorised, string? Unavailable)
{
    public static GateOutcome Committed(BatchReceipt receipt) => new(receipt, [], null);

    public static GateOutcome Refused(IReadOnlyList<ItemProblem> problems) => new(null, problems, null);

    public static GateOutcome NotNow(string reason) => new(null, [], reason);
}
