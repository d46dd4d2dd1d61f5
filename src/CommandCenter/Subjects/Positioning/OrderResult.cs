namespace CommandCenter.Subjects.Positioning;

/// <summary>The outcome of a step on an order, the order it concerned, and what was wrong, field by field.</summary>
public sealed record OrderResult(OrderOutcome Outcome, int? OrderId, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static OrderResult NotFound { get; } = new(OrderOutcome.NotFound, null, NoErrors);

    public static OrderResult Forbidden { get; } = new(OrderOutcome.Forbidden, null, NoErrors);
}
