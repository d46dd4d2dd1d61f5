using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Discipline;

/// <summary>
/// The ladder of 训诫 → 警告 → 提请撤销: a warning beyond a 10-day lapse or after two uncorrected
/// admonitions; a proposal to revoke beyond a month's lapse or after two uncorrected warnings.
/// </summary>
/// <remarks>
/// The product has no record of "correction" as such; a step counts as uncorrected until a higher step
/// was taken after it, which is how the ladder is climbed in practice. Dispositions other than the three
/// disciplinary ones (no violation, device fault) do not count.
/// </remarks>
public static class DisciplineLadder
{
    /// <summary>The tolerance of a lapse before it calls for a warning.</summary>
    public static readonly TimeSpan WarningLapse = TimeSpan.FromDays(10);

    /// <summary>The tolerance of a lapse before it calls for a proposal to revoke.</summary>
    public static readonly TimeSpan RevocationLapse = TimeSpan.FromDays(30);

    /// <summary>Suggests the next step for a new breach.</summary>
    /// <param name="history">The subject's earlier disciplinary dispositions, in any order.</param>
    /// <param name="lapse">How long the breach at hand lasted (out of the area, silent, overdue), if it is a lapse.</param>
    public static DisciplineSuggestion Suggest(IEnumerable<DisciplinaryRecord> history, TimeSpan? lapse = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var admonitions = 0;
        var warnings = 0;
        foreach (var record in history.OrderBy(r => r.At))
        {
            switch (record.Disposition)
            {
                case Disposition.Admonition:
                    admonitions++;
                    break;
                case Disposition.Warning:
                    warnings++;
                    admonitions = 0;
                    break;
                case Disposition.RevocationProposal:
                    warnings = 0;
                    admonitions = 0;
                    break;
            }
        }

        var (disposition, reason) = (lapse, warnings, admonitions) switch
        {
            ({ } l, _, _) when l > RevocationLapse => (Disposition.RevocationProposal, DisciplineReason.LapseOverOneMonth),
            (_, >= 2, _) => (Disposition.RevocationProposal, DisciplineReason.TwoUncorrectedWarnings),
            ({ } l, _, _) when l > WarningLapse => (Disposition.Warning, DisciplineReason.LapseOverTenDays),
            (_, _, >= 2) => (Disposition.Warning, DisciplineReason.TwoUncorrectedAdmonitions),
            _ => (Disposition.Admonition, DisciplineReason.MinorBreach),
        };
        return new DisciplineSuggestion(disposition, reason, admonitions, warnings);
    }
}
