using System.Globalization;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Subjects.Tracks;

/// <summary>
/// A subject's track over one of the site's days. Location data is confidential and may be used for
/// corrections work only: a day is shown only if an approved positioning order was in force on it, and
/// every showing is written to the audit trail.
/// </summary>
public class TrackQueries(
    IDbContextFactory<CommandCenterDb> factory, NpgsqlDataSource dataSource, AuditTrail audit,
    TimeProvider time, SiteClock clock, IOptions<SubjectsOptions> options)
{
    public async Task<TrackResult> DayAsync(int subjectId, DateOnly day, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (day > clock.Today(time.GetUtcNow()))
        {
            return await FindAsync(subjectId, day, user, cancellationToken) is null
                ? TrackResult.Refused(TrackOutcome.NotFound, day)
                : TrackResult.Refused(TrackOutcome.FutureDay, day);
        }

        return await ShowAsync(subjectId, day, clock.StartOfDay(day), clock.StartOfDay(day.AddDays(1)),
            string.Create(CultureInfo.InvariantCulture, $"track of {day:yyyy-MM-dd}"), user, remoteAddress, cancellationToken);
    }

    /// <summary>
    /// The fixes of the last <paramref name="span"/> up to now, as the desk shows around an alert; the same
    /// rule as a day's track: only while an approved order is in force today, and audited.
    /// </summary>
    public async Task<TrackResult> RecentAsync(int subjectId, TimeSpan span, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await ShowAsync(subjectId, clock.Today(now), now - span, now,
            string.Create(CultureInfo.InvariantCulture, $"track of the last {span.TotalHours:0.#} h"), user, remoteAddress, cancellationToken);
    }

    private async Task<TrackResult> ShowAsync(int subjectId, DateOnly day, DateTimeOffset from, DateTimeOffset to, string what,
        ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var subject = await FindAsync(subjectId, day, user, cancellationToken);
        if (subject is not { } found)
        {
            return TrackResult.Refused(TrackOutcome.NotFound, day);
        }

        if (!found.Covered)
        {
            return TrackResult.Refused(TrackOutcome.NoOrderInForce, day);
        }

        var limit = options.Value.MaxTrackPoints;
        var points = await ReadAsync(subjectId, from, to, limit + 1, cancellationToken);
        var truncated = points.Count > limit;
        if (truncated)
        {
            points.RemoveAt(points.Count - 1);
        }

        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.TrackViewed, $"subject:{found.Code}",
            string.Create(CultureInfo.InvariantCulture, $"{what}: {points.Count} fixes"), remoteAddress), cancellationToken);
        return new TrackResult(TrackOutcome.Shown, day, points, truncated);
    }

    /// <summary>The subject's case number and whether an approved order covers the day; null when the person may not see them.</summary>
    private async Task<(string Code, bool Covered)?> FindAsync(int subjectId, DateOnly day, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var squad = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var code = await db.Subjects.Where(s => s.Id == subjectId && (squad == null || s.SquadId == squad)).Select(s => s.Code).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return null;
        }

        return (code, await db.PositioningOrders.Where(PositioningOrder.InForceOn(day)).AnyAsync(o => o.SubjectId == subjectId, cancellationToken));
    }

    /// <summary>The fixes in time order; the range on fix_time lets PostgreSQL read only the partitions it touches.</summary>
    private async Task<List<TrackPoint>> ReadAsync(int subjectId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT fix_time, ST_Y(location), ST_X(location), speed_kmh, accuracy_meters
            FROM positions
            WHERE subject_id = @subject AND fix_time >= @from AND fix_time < @to
            ORDER BY fix_time
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("limit", limit);
        var points = new List<TrackPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new TrackPoint(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return points;
    }
}
