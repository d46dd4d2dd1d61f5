using System.Security.Claims;
using CommandCenter.Cameras;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Security;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.RollCalls;

/// <summary>
/// What the desk, the API and the phone read of roll calls. A squad leader sees a roll call only through their own
/// squad's people: one that called none of them does not exist for them, and another squad's people are left out.
/// </summary>
public class RollCallQueries(IDbContextFactory<CommandCenterDb> factory, CameraQueries cameras, SiteClock clock, TimeProvider time)
{
    // Where each person called was last seen, when the law lets them be located today (an order in force), else their home;
    // the camera suggested is the one nearest the middle of those places.
    private const string MiddleSql = """
        SELECT ST_Y(c), ST_X(c) FROM (
            SELECT ST_Centroid(ST_Collect(coalesce(CASE WHEN s.id = ANY(@located) THEN lp.location END, s.home))) AS c
            FROM subjects s LEFT JOIN latest_positions lp ON lp.subject_id = s.id
            WHERE s.id = ANY(@ids)) m
        WHERE c IS NOT NULL
        """;

    /// <summary>A roll call, if the caller may see it.</summary>
    public async Task<RollCallView?> FindAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await ReadAsync(user, q => q.Where(r => r.Id == id), 1, cancellationToken)).SingleOrDefault();

    /// <summary>The newest roll calls the caller may see, newest first.</summary>
    public Task<List<RollCallView>> RecentAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken) =>
        ReadAsync(user, q => q, Math.Clamp(limit, 1, 200), cancellationToken);

    /// <summary>The people under correction the caller may call: a squad leader only their squad's, in case-number order.</summary>
    public async Task<List<CallablePerson>> CallableAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        return await db.Subjects.AsNoTracking().Where(s => s.Status == SubjectStatus.InCorrection && (scope == null || s.SquadId == scope))
            .OrderBy(s => s.Code).Select(s => new CallablePerson(s.Id, s.Code, s.SquadId)).ToListAsync(cancellationToken);
    }

    /// <summary>The roll calls a subject still has to attend (not yet marked, not yet due), soonest first: for their phone.</summary>
    public async Task<List<PendingRollCall>> PendingForAsync(int subjectId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var pending = await db.RollCallAttendees.AsNoTracking()
            .Where(a => a.SubjectId == subjectId && a.Mark == null)
            .Join(db.RollCalls.Where(r => r.Deadline > now), a => a.RollCallId, r => r.Id, (a, r) => r)
            .Join(db.Cameras, r => r.CameraId, c => c.Id, (r, c) => new { r.Id, c.Name, c.Location, r.Deadline })
            .OrderBy(p => p.Deadline)
            .ToListAsync(cancellationToken);
        return [.. pending.Select(p => new PendingRollCall(p.Id, p.Name, p.Location.Y, p.Location.X, p.Deadline))];
    }

    /// <summary>
    /// The cameras nearest the people's last fixes (or homes), nearest first; null when one of them is not the caller's
    /// to call, empty when nothing is known of where they are.
    /// </summary>
    public async Task<List<CameraView>?> SuggestAsync(IReadOnlyList<int> subjectIds, ClaimsPrincipal user, int count, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        var ids = subjectIds.Distinct().ToArray();
        if (await db.Subjects.CountAsync(s => ids.Contains(s.Id) && (scope == null || s.SquadId == scope), cancellationToken) != ids.Length)
        {
            return null;
        }

        var located = await db.PositioningOrders.Where(PositioningOrder.InForceOn(clock.Today(time.GetUtcNow()))).Where(o => ids.Contains(o.SubjectId))
            .Select(o => o.SubjectId).Distinct().ToArrayAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(MiddleSql, connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("located", located);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return [];
        }

        var (latitude, longitude) = (reader.GetDouble(0), reader.GetDouble(1));
        return await cameras.NearestAsync(latitude, longitude, count, null, cancellationToken);
    }

    private async Task<List<RollCallView>> ReadAsync(ClaimsPrincipal user, Func<IQueryable<RollCall>, IQueryable<RollCall>> which, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        var visible = db.RollCalls.AsNoTracking()
            .Where(r => scope == null || r.Attendees.Any(a => db.Subjects.Any(s => s.Id == a.SubjectId && s.SquadId == scope)));
        var calls = await which(visible).OrderByDescending(r => r.CalledAt).Take(limit)
            .Join(db.Cameras, r => r.CameraId, c => c.Id, (r, c) => new { Call = r, c.Code, c.Name, Latitude = c.Location.Y, Longitude = c.Location.X })
            .ToListAsync(cancellationToken);
        var callIds = calls.Select(c => c.Call.Id).ToList();
        var attendees = await db.RollCallAttendees.AsNoTracking().Where(a => callIds.Contains(a.RollCallId))
            .Join(db.Subjects, a => a.SubjectId, s => s.Id, (a, s) => new { a, s.Code, s.SquadId })
            .Where(x => scope == null || x.SquadId == scope)
            .OrderBy(x => x.Code)
            .ToListAsync(cancellationToken);
        var byCall = attendees.ToLookup(x => x.a.RollCallId, x => new RollCallAttendeeView(x.a.Id, x.a.SubjectId, x.Code, x.SquadId, x.a.Mark, x.a.Note, x.a.MarkedBy, x.a.MarkedAt));
        return [.. calls.Select(c => new RollCallView(c.Call.Id, c.Call.CameraId, c.Code, c.Name, c.Latitude, c.Longitude, c.Call.CalledBy, c.Call.CalledAt, c.Call.Deadline,
            [.. byCall[c.Call.Id]]))];
    }
}
