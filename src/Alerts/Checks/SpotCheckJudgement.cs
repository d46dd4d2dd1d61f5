using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Checks;

/// <summary>What a spot check came to, and from when that is known.</summary>
/// <param name="Failure">How it failed; null when it passed.</param>
/// <param name="KnownAt">When the outcome became known: the answer's arrival, or the deadline for a missing answer.</param>
public sealed record SpotCheckJudgement(SpotCheckFailure? Failure, DateTimeOffset KnownAt)
{
    /// <summary>
    /// Judges a check at <paramref name="now"/>: null while it is still open (no answer and the deadline not yet
    /// reached). An answer is judged when it arrives, so an answer from the wrong place raises at once rather than
    /// at the deadline. A check with no place to compare with (no home recorded) is judged on time alone.
    /// </summary>
    public static SpotCheckJudgement? Of(SpotCheckDue check, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.AnsweredAt is not { } answered)
        {
            return now >= check.Deadline ? new SpotCheckJudgement(SpotCheckFailure.Unanswered, check.Deadline) : null;
        }

        if (answered > check.Deadline)
        {
            // Weighed at the deadline: a late answer that arrived before the weighing is named as late.
            return new SpotCheckJudgement(SpotCheckFailure.Late, check.Deadline);
        }

        var outOfPlace = check.DistanceMetres is { } distance && distance > check.AllowedMetres;
        return new SpotCheckJudgement(outOfPlace ? SpotCheckFailure.OutOfPlace : null, answered);
    }
}
