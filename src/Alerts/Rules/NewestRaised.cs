namespace CommandCenter.Alerts.Rules;

/// <summary>
/// The bookkeeping of a rule that raises one alert per event (an absence marked at a roll call, a failed spot check):
/// the subject keeps the time the newest raised event became known, read back from the rule's newest alert at start,
/// and only events known after it are raised. So neither a restart nor a second look at the same events raises one
/// twice, and no event needs an "already raised" flag of its own.
/// </summary>
public static class NewestRaised
{
    /// <summary>
    /// Raises, oldest first, each event known after <paramref name="newest"/> and returns the mark that follows: the
    /// time of the last event raised, or <paramref name="newest"/> itself when none was. Events known at the same
    /// instant as the mark (or as each other) are taken as raised already: the mark cannot tell them apart.
    /// </summary>
    /// <param name="newest">When the newest event already raised became known; null when none was.</param>
    /// <param name="events">The events to weigh, in any order.</param>
    /// <param name="knownAt">When an event became known.</param>
    /// <param name="raise">Raises the alert for one event.</param>
    public static DateTimeOffset? RaiseAfter<T>(DateTimeOffset? newest, IEnumerable<T> events, Func<T, DateTimeOffset> knownAt, Action<T> raise)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(knownAt);
        ArgumentNullException.ThrowIfNull(raise);
        foreach (var item in events.OrderBy(knownAt))
        {
            var at = knownAt(item);
            if (newest is { } mark && at <= mark)
            {
                continue;
            }

            newest = at;
            raise(item);
        }

        return newest;
    }
}
