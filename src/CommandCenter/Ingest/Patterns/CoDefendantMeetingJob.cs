using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Patterns;
using CommandCenter.Alerts.Rules;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest.Patterns;

/// <summary>同案犯聚集: every <see cref="PatternOptions.CoDefendantCheckEvery"/>, the linked pairs' recent distances judged for a meeting.</summary>
public sealed class CoDefendantMeetingJob(
    NpgsqlDataSource dataSource,
    IngestBatchWriter writer,
    PatternSubjects subjects,
    IOptionsMonitor<PatternOptions> options,
    IOptionsMonitor<AlertOptions> alertOptions,
    TimeProvider time,
    ILogger<CoDefendantMeetingJob> logger) : PatternJob(dataSource, writer, time, logger)
{
    public override long LockKey => 0x5041_5454_0002;

    protected override TimeSpan Interval => options.CurrentValue.CoDefendantCheckEvery;

    protected override bool Enabled => options.CurrentValue.CoDefendantEnabled;

    protected override async Task<IReadOnlyList<AlertDecision>> JudgeAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var thresholds = settings.ToProximityThresholds();
        var pairs = await subjects.PairsAsync(await subjects.InForceAsync(now, cancellationToken), cancellationToken);

        // The stretch that matters reaches now; a little more than the time together shows where it began.
        var since = now - thresholds.Sustained - thresholds.MaxGap - thresholds.MaxGap;
        var samples = await ProximityQuery.SamplesAsync(connection, pairs, since, now, thresholds.MaxGap, cancellationToken);
        var judged = pairs.Select(p => new CoDefendantPair(p.First, p.Second, samples[(p.First.SubjectId, p.Second.SubjectId)]));
        return CoDefendantMeetingRule.Decide(judged, now, thresholds, alertOptions.CurrentValue.ToSeverityPolicy().For(AlertRule.CoDefendantMeeting));
    }
}
