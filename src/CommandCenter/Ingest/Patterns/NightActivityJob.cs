using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Patterns;
using CommandCenter.Alerts.Rules;
using CommandCenter.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// 昼伏夜出: every <see cref="PatternOptions.NightCheckEvery"/>, the finished days not yet summed are summed, and every
/// person whose order is in force is judged on their recent days against their own earlier weeks. Only whole days are
/// judged, so the runs of one day agree and raise at most once.
/// </summary>
public sealed class NightActivityJob(
    NpgsqlDataSource dataSource,
    IngestBatchWriter writer,
    PatternSubjects subjects,
    SiteClock clock,
    IOptionsMonitor<PatternOptions> options,
    IOptionsMonitor<AlertOptions> alertOptions,
    TimeProvider time,
    ILogger<NightActivityJob> logger) : PatternJob(dataSource, writer, time, logger)
{
    /// <summary>A week's days summed in one run at most: a new site's weeks of fixes are taken in over a few runs, not in one long one.</summary>
    private const int DaysSummedPerRun = 7;

    public override long LockKey => 0x5041_5454_0001;

    protected override TimeSpan Interval => options.CurrentValue.NightCheckEvery;

    protected override bool Enabled => options.CurrentValue.NightActivityEnabled;

    protected override async Task<IReadOnlyList<AlertDecision>> JudgeAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var thresholds = settings.ToNightThresholds();
        var (_, earlierFrom, today) = NightActivityJudgement.Windows(now, clock.Zone, thresholds);
        await MovementDays.SumMissingAsync(connection, earlierFrom, today, DaysSummedPerRun, clock.Zone, settings.NightFrom, settings.NightUntil, cancellationToken);

        var inForce = await subjects.InForceAsync(now, cancellationToken);
        var days = await MovementDays.ReadAsync(connection, inForce.Keys, earlierFrom, today, cancellationToken);
        var severity = alertOptions.CurrentValue.ToSeverityPolicy().For(AlertRule.NightActivity);
        return [.. days
            .Select(d => NightActivityRule.Decide(inForce[d.Key], d.Value, now, clock.Zone, thresholds, severity))
            .OfType<AlertDecision>()];
    }
}
