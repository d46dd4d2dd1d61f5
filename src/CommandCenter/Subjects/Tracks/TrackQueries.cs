using System.Globalization;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Site;
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
        var squad = SquadScope.Of(user);
        string? code;
        bool covered;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            code = await db.Subjects.Where(s => s.Id == subjectId && (squad == null || s.SquadId == squad)).Select(s => s.Code).FirstOrDefaultAsync(cancellationToken);
            covered = await db.PositioningOrders.Where(PositioningOrder.InForceOn(day)).AnyAsync(o => o.SubjectId == subjectId, cancellationToken);
        }

        if (code is null)
        {
            return TrackResult.Refused(TrackOutcome.NotFound, day);
        }

        if (day > clock.Today(time.GetUtcNow()))
        {
            return TrackResult.Refused(TrackOutcome.FutureDay, day);
        }

        if (!covered)
        {
            return TrackResult.Refused(TrackOutcome.NoOrderInForce, day);
        }

        var limit = options.Value.MaxTrackPoints;
        var points = await ReadAsync(subjectId, day, limit + 1, cancellationToken);
        var truncated = points.Count > limit;
        if (truncated)
        {
            points.RemoveAt(points.Count - 1);
        }

        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.TrackViewed, $"subject:{code}",
            string.Create(CultureInfo.InvariantCulture, $"track of {day:yyyy-MM-dd}: {points.Count} fixes"), remoteAddress), cancellationToken);
        return new TrackResult(TrackOutcome.Shown, day, points, truncated);
    }

    /// <summary>The day's fixes in time order; the range on fix_time lets PostgreSQL read only that day's partition.</summary>
    private async Task<List<TrackPoint>> ReadAsync(int subjectId, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT fix_time, ST_Y(location), ST_X(location), speed_kmh, accuracy_meters
            FROM positions
            WHERE subject_id = @subject AND fix_time >= @from AND fix_time < @to
            ORDER BY fix_time
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("from", clock.StartOfDay(day));
        command.Parameters.AddWithValue("to", clock.StartOfDay(day.AddDays(1)));
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
