namespace CommandCenter.Alerts.Lifecycle;

/// <summary>
/// How a closed alert was disposed of. Stored by name in <c>alerts.disposition</c>. The three
/// disciplinary outcomes follow the ladder of the Community Corrections Law's implementing rules:
/// 训诫, then 警告, then a proposal to revoke.
/// </summary>
public enum Disposition
{
    /// <summary>No violation: a false alarm or a movement covered by a permit.</summary>
    NoViolation,

    /// <summary>A device or signal problem, not the subject's doing.</summary>
    DeviceFault,

    /// <summary>训诫: admonition, for a minor breach or a lapse of up to 10 days.</summary>
    Admonition,

    /// <summary>警告: warning, beyond 10 days, for a more serious breach, or after 2 uncorrected admonitions.</summary>
    Warning,

    /// <summary>提请撤销: a proposal to revoke the suspended sentence or parole, or to return to prison.</summary>
    RevocationProposal,
}
