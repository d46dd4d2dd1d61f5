using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.SpotChecks;

/// <summary>Draws random spot checks once a minute within the set hours, at each supervision level's frequency (严管 &gt; 普管 &gt; 宽管).</summary>
public class SpotCheckSchedule(IDbContextFactory<CommandCenterDb> factory, SpotCheckService checks, IOptionsMonitor<SpotCheckOptions> options,
    SiteClock clock, TimeProvider time, ILogger<SpotCheckSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DrawAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning("No spot checks were drawn this minute: {Reason}", exception.Message);
            }
        }
    }

    private async Task DrawAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var now = time.GetUtcNow();
        if (!current.RandomEnabled || !SpotCheckDraw.IsWithinHours(TimeOnly.FromDateTime(clock.ToLocal(now).DateTime), current.From, current.Until))
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // People with a phone to answer on and no check still open.
        var people = await db.Subjects.AsNoTracking()
            .Where(s => s.Status == SubjectStatus.InCorrection && s.Devices.Any(d => d.Active && d.Kind != DeviceKind.Bracelet))
            .Where(s => !db.SpotChecks.Any(c => c.SubjectId == s.Id && c.AnsweredAt == null && c.Deadline > now))
            .Select(s => new { s.Id, s.SupervisionLevel })
            .ToListAsync(cancellationToken);
        var drawn = people
            .Where(p => Random.Shared.NextDouble() < SpotCheckDraw.ChancePerMinute(current.PerWeek(p.SupervisionLevel), current.From, current.Until))
            .Select(p => p.Id)
            .ToList();
        if (drawn.Count > 0)
        {
            await checks.SendDrawnAsync(drawn, cancellationToken);
        }
    }
}
