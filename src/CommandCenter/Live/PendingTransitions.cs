using System.Collections.Concurrent;
using CommandCenter.Alerts.Rules;

namespace CommandCenter.Live;

/// <summary>
/// The crossings pending now, as published: what a wall that connects (or reconnects) is shown, and what
/// marks a subject on the map's first paint.
/// </summary>
public class PendingTransitions
{
    private readonly ConcurrentDictionary<(int SubjectId, RuleKey Rule), TransitionMessage> pending = new();

    public void Apply(TransitionMessage message)
    {
        var key = (message.SubjectId, new RuleKey(message.Rule, message.FenceId));
        if (message.Change == TransitionChange.Started)
        {
            pending[key] = message;
        }
        else
        {
            pending.TryRemove(key, out _);
        }
    }

    /// <summary>How many crossings are pending now.</summary>
    public int Count => pending.Count;

    public bool IsPending(int subjectId) => pending.Keys.Any(k => k.SubjectId == subjectId);

    /// <summary>The pending crossings, oldest first; only one squad's when <paramref name="squad"/> is given.</summary>
    public List<TransitionMessage> List(int? squad) =>
        [.. pending.Values.Where(m => squad is null || m.SquadId == squad).OrderBy(m => m.Since)];

    /// <summary>The subjects with a pending crossing.</summary>
    public HashSet<int> Subjects() => [.. pending.Keys.Select(k => k.SubjectId)];
}
