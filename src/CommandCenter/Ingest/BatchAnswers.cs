using CommandCenter.Alerts.Rules;

namespace CommandCenter.Ingest;

/// <summary>Completes the requests of a committed micro-batch with their receipts.</summary>
internal static class BatchAnswers
{
    /// <summary>
    /// Each request learns how many of its fixes were new and how many alerts they raised here (a fix handed off to
    /// another node raises its alerts there). <paramref name="origins"/> places each fix judged here among the requests' fixes.
    /// </summary>
    public static void Answer(List<FixBatchWork> batches, List<int> origins, EngineTransaction transaction, WriteResult result)
    {
        var raisedKeys = result.Alerts.Where(a => a.Inserted).Select(a => (a.SubjectId, a.Rule, a.FenceId)).ToHashSet();
        var raisedByFix = transaction.Decisions
            .Where(d => d.Kind == AlertDecisionKind.Raise && d.FixIndex >= 0 && d.FixIndex < origins.Count
                && raisedKeys.Contains(((int)d.Key.SubjectId, d.Key.Rule.Rule, d.Key.Rule.FenceId)))
            .GroupBy(d => d.Key)
            .Select(g => origins[g.First().FixIndex])
            .ToList();
        var claimed = new HashSet<(int, DateTimeOffset)>();
        var offset = 0;
        foreach (var batch in batches)
        {
            var stored = 0;
            foreach (var fix in batch.Fixes)
            {
                var key = (fix.Device.DeviceId, fix.FixTime);
                if (result.Stored.Contains(key) && claimed.Add(key))
                {
                    stored++;
                }
            }

            var end = offset + batch.Fixes.Count;
            var raised = raisedByFix.Count(i => i >= offset && i < end);
            batch.Completion.TrySetResult(new BatchReceipt(stored, batch.Fixes.Count - stored, raised));
            offset = end;
        }
    }
}
