namespace CommandCenter.Supervision;

/// <summary>
/// The engine that evaluates the supervision rules, as Supervision needs it: told when a subject's check-ins,
/// schedule, leave permits or spot checks changed, and asked how far ahead of the server a reported time may be. The
/// engine (Ingest) implements it, so that Supervision does not depend on Ingest.
/// </summary>
public interface IRuleEngine
{
    /// <summary>How far ahead of the server's clock a time reported from the field may be.</summary>
    TimeSpan MaxClockSkew { get; }

    /// <summary>The rules must read the subject's supervision again (its spot checks included).</summary>
    ValueTask SupervisionChangedAsync(int subjectId, CancellationToken cancellationToken);
}
