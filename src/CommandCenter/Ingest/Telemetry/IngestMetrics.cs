using System.Diagnostics.Metrics;

namespace CommandCenter.Ingest.Telemetry;

/// <summary>
/// What the site's operators watch of ingest: fixes committed and refused (by reason), the queue's depth and
/// how long a micro-batch takes from the rules to the commit. Counted in fixes, not requests, because one
/// request may carry a thousand.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "CommandCenter.Ingest";

    private readonly Counter<long> accepted;
    private readonly Counter<long> refused;
    private readonly Histogram<double> batchDuration;

    public IngestMetrics(IMeterFactory meters, IngestQueue queue)
    {
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("commandcenter.ingest.fixes.accepted", "{fix}",
            "Fixes committed and answered 202 (or 200 for OsmAnd), resent duplicates included.");
        refused = meter.CreateCounter<long>("commandcenter.ingest.fixes.refused", "{fix}",
            "Fixes of requests that stored nothing, by reason; a body that could not be read counts as one.");
        meter.CreateObservableGauge("commandcenter.ingest.queue.depth", () => queue.QueuedFixes, "{fix}",
            "Fixes queued and not yet written.");

        // Batches take milliseconds when all is well and seconds when the database struggles: the buckets span both.
        batchDuration = meter.CreateHistogram("commandcenter.ingest.batch.duration", "s",
            "Time of one micro-batch from the rules' evaluation to its commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Accepted(string protocol, int fixes) => accepted.Add(fixes, new KeyValuePair<string, object?>("protocol", protocol));

    public void Refused(string reason, int fixes) => refused.Add(fixes, new KeyValuePair<string, object?>("reason", reason));

    public void BatchWritten(TimeSpan duration, int fixes) =>
        batchDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("with_fixes", fixes > 0));
}
