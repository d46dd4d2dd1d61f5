using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using Npgsql;

namespace CommandCenter.Squads;

/// <summary>
/// What the squads are doing and which to send. A squad's state is not typed in: it follows from the open
/// alerts it was dispatched to (on scene beats dispatched), so the wall cannot drift from the desk.
/// </summary>
public class SquadQueries(NpgsqlDataSource dataSource)
{
    private const string Dispatched = nameof(AlertState.Dispatched);
    private const string OnScene = nameof(AlertState.OnScene);

    private const string BoardSql = $"""
        SELECT q.id, q.code, q.name,
               count(*) FILTER (WHERE a.squad_id = q.id) AS open_alerts,
               bool_or(a.dispatched_squad_id = q.id AND a.state = '{OnScene}') AS on_scene,
               bool_or(a.dispatched_squad_id = q.id AND a.state = '{Dispatched}') AS dispatched,
               (SELECT s.code FROM alerts b JOIN subjects s ON s.id = b.subject_id
                WHERE b.dispatched_squad_id = q.id AND b.state IN ('{Dispatched}', '{OnScene}')
                ORDER BY b.raised_at DESC LIMIT 1) AS busy_with
        FROM squads q
        LEFT JOIN alerts a ON (a.squad_id = q.id OR a.dispatched_squad_id = q.id) AND a.{OpenAlerts.Sql}
        WHERE q.retired_at IS NULL AND (@squad::int IS NULL OR q.id = @squad)
        GROUP BY q.id ORDER BY q.code
        """;

    private const string SuggestSql = $"""
        WITH here AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) AS point)
        SELECT q.id, q.name, ST_Distance(q.base::geography, here.point::geography),
               NOT EXISTS (SELECT 1 FROM alerts a WHERE a.dispatched_squad_id = q.id AND a.state IN ('{Dispatched}', '{OnScene}')),
               ST_Covers(q.jurisdiction, here.point), ST_Y(q.base), ST_X(q.base)
        FROM squads q, here
        WHERE q.retired_at IS NULL
        """;

    /// <summary>Every squad (or one squad leader's own) with its state.</summary>
    public async Task<List<SquadState>> BoardAsync(int? squad, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BoardSql);
        command.Parameters.AddWithValue("squad", (object?)squad ?? DBNull.Value);
        var board = new List<SquadState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = !reader.IsDBNull(4) && reader.GetBoolean(4) ? SquadStatus.OnScene
                : !reader.IsDBNull(5) && reader.GetBoolean(5) ? SquadStatus.Dispatched
                : SquadStatus.Available;
            board.Add(new SquadState(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), status,
                (int)reader.GetInt64(3), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return board;
    }

    /// <summary>
    /// The squads to send to a place: the one whose area holds it first, then the free ones nearest by base,
    /// then the busy ones.
    /// </summary>
    public async Task<List<SquadSuggestion>> SuggestAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SuggestSql);
        command.Parameters.AddWithValue("lat", latitude);
        command.Parameters.AddWithValue("lon", longitude);
        var squads = new List<SquadSuggestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            squads.Add(new SquadSuggestion(reader.GetInt32(0), reader.GetString(1), Math.Round(reader.GetDouble(2)), reader.GetBoolean(3), reader.GetBoolean(4),
                reader.GetDouble(5), reader.GetDouble(6)));
        }

        return squads.OrderByDescending(s => s.HoldsThePlace).ThenByDescending(s => s.Available).ThenBy(s => s.DistanceMeters).ToList();
    }
}
