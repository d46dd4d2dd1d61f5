using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Localization;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Text.Json;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// Adds, changes and retires squads. Each change commits with its audit entry. Saves are serialised by a
/// transaction-scoped advisory lock, so two commanders drawing at once cannot both pass the overlap check
/// with areas that overlap each other.
/// </summary>
public class SquadAdmin(
    IDbContextFactory<CommandCenterDb> factory,
    AuditTrail audit,
    SquadCoverage coverage,
    SessionStore sessions,
    TimeProvider time,
    IStringLocalizer<UiText> text)
{
    // Any constant will do, as long as only squad saves take it.
    private const long SaveLock = 0x5155_4144;

    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Every squad, active first, then by code; retired ones too, for the history that names them.</summary>
    public async Task<List<SquadDetail>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squads = await db.Squads.AsNoTracking().OrderBy(s => s.RetiredAt != null).ThenBy(s => s.Code).ToListAsync(cancellationToken);
        return [.. squads.Select(Detail)];
    }

    public async Task<SquadDetail?> OneAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } squad ? Detail(squad) : null;
    }

    /// <summary>Adds a squad (id null) or replaces an active one's details, base and area.</summary>
    public async Task<SquadWriteResult> SaveAsync(int? id, SquadInput input, string actor, CancellationToken cancellationToken)
    {
        var (draft, errors) = SquadChecks.Check(input, versionRequired: id is not null, text);
        if (draft is null)
        {
            return SquadWriteResult.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await LockAsync(connection, cancellationToken);
        Squad? squad;
        if (id is null)
        {
            squad = draft;
            db.Squads.Add(squad);
        }
        else
        {
            squad = await db.Squads.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (squad is null)
            {
                return SquadWriteResult.NotFound(id.Value);
            }

            if (Stale(squad, input.Version) is { } stale)
            {
                return stale;
            }

            squad.Code = draft.Code;
            squad.Name = draft.Name;
            squad.LeaderName = draft.LeaderName;
            squad.DutyPhone = draft.DutyPhone;
            squad.Base = draft.Base;
            squad.Jurisdiction = draft.Jurisdiction;
            squad.Version++;
        }

        if (await db.Squads.AnyAsync(s => s.Code == draft.Code && s.Id != (id ?? 0), cancellationToken))
        {
            return SquadWriteResult.Invalid(new() { ["code"] = [text["Refusal.Squad.CodeTaken", draft.Code]] });
        }

        var overlaps = await coverage.OverlapsAsync(connection, id, draft.Jurisdiction, cancellationToken);
        if (overlaps.Count > 0)
        {
            return SquadWriteResult.Invalid(new()
            {
                ["area"] = [.. overlaps.Select(o => text["Refusal.Squad.Overlap", o.SquadName, o.SquadId, SquareMetres(o.SquareMetres)].Value)],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(connection, actor, squad,
            $"{(id is null ? "added" : "changed")} {squad.Code} '{squad.Name}', leader '{squad.LeaderName}', duty phone {squad.DutyPhone}, version {squad.Version}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SquadWriteResult.Saved(squad.Id, squad.Version);
    }

    /// <summary>
    /// Retires a squad that nothing current belongs to any more: no open alert names it, no person under
    /// supervision and no account is in it. Its leaders' sessions end at once.
    /// </summary>
    public async Task<SquadWriteResult> RetireAsync(int id, int? version, string actor, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return SquadWriteResult.Invalid(new() { ["version"] = [text["Refusal.Squad.Version"]] });
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await LockAsync(connection, cancellationToken);
        var squad = await db.Squads.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (squad is null)
        {
            return SquadWriteResult.NotFound(id);
        }

        if (Stale(squad, version) is { } stale)
        {
            return stale;
        }

        var (alerts, people, users) = await BelongingsAsync(connection, id, cancellationToken);
        if (alerts + people + users > 0)
        {
            return SquadWriteResult.Conflict("id", text["Refusal.Squad.InUse", squad.Name, alerts, people, users]);
        }

        squad.RetiredAt = time.GetUtcNow();
        squad.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(connection, actor, squad, $"retired {squad.Code} '{squad.Name}', version {squad.Version}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A leader whose cookie still names the squad (moved to another squad, or disabled, since signing in)
        // is refused on the next request: this node forgets what it had cached; other nodes within seconds.
        sessions.ForgetCached();
        return SquadWriteResult.Saved(squad.Id, squad.Version);
    }

    /// <summary>What a retired squad would leave without a squad: open alerts, people under supervision, accounts.</summary>
    private static async Task<(long Alerts, long People, long Users)> BelongingsAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM alerts WHERE (squad_id = @id OR dispatched_squad_id = @id) AND {OpenAlerts.Sql}),
                   (SELECT count(*) FROM subjects WHERE squad_id = @id AND status = 'InCorrection'),
                   (SELECT count(*) FROM "AspNetUsers" WHERE squad_id = @id)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private SquadWriteResult? Stale(Squad squad, int? version)
    {
        if (squad.RetiredAt is not null)
        {
            return SquadWriteResult.Conflict("id", text["Refusal.Squad.Retired", squad.Name]);
        }

        return version is { } given && given != squad.Version
            ? SquadWriteResult.Conflict("version", text["Refusal.Squad.Stale", squad.Name, squad.Version, given])
            : null;
    }

    private static async Task LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", SaveLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task AppendAsync(NpgsqlConnection connection, string actor, Squad squad, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(connection, new AuditRecord(actor, AuditActions.SquadChanged, $"squad:{squad.Id}", detail), cancellationToken);

    private static string SquareMetres(double value) => value >= 1_000_000
        ? (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " km²"
        : value.ToString("0", CultureInfo.InvariantCulture) + " m²";

    private static SquadDetail Detail(Squad s) =>
        new(s.Id, s.Code, s.Name, s.LeaderName, s.DutyPhone, s.Base.Y, s.Base.X, JsonSerializer.Serialize(s.Jurisdiction, GeoJson), s.RetiredAt, s.Version);
}
