using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.AlertLog;

public class OpenAlertsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string IndexName = "ux_alerts_one_open_per_subject_rule_fence";

    [Fact]
    public async Task TheOpenAlertSqlIsTheFilterOfTheMigratedPartialUniqueIndex()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        // PostgreSQL stores a filter in its own normal form: spell the constant on a copy of the table and compare.
        await Execute(connection, $"CREATE TEMP TABLE probe (LIKE alerts); CREATE INDEX probe_open ON probe (subject_id) WHERE {OpenAlerts.Sql}");
        var migrated = await Filter(connection, IndexName);
        var constant = await Filter(connection, "probe_open");

        Assert.Equal(migrated.Replace("alerts", "probe", StringComparison.Ordinal), constant);
    }

    [Fact]
    public async Task TheSqlAndTheQueryableAgreeWithTheLifecycleOnEveryState()
    {
        var county = new CountyRecords(app.ConnectionString);
        var device = await county.VisibleDeviceAsync(3);
        var ids = new Dictionary<long, AlertState>();
        var fence = 700_000;
        foreach (var state in Enum.GetValues<AlertState>())
        {
            var id = await county.ScalarAsync<long>("""
                INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, raised_at, condition_cleared)
                SELECT id, 'ZoneExit', @fence, 'Major', @state, squad_id, now(), false FROM subjects WHERE id = @s RETURNING id
                """, ("s", device.SubjectId), ("fence", fence++), ("state", state.ToString()));
            ids[id] = state;
        }

        var expected = ids.Where(e => AlertStates.IsOpen(e.Value)).Select(e => e.Key).Order().ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        var byQueryable = await db.Alerts.WhereOpen().Where(a => ids.Keys.Contains(a.Id)).Select(a => a.Id).OrderBy(id => id).ToListAsync();
        var closed = await db.Alerts.WhereClosed().Where(a => ids.Keys.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        var bySql = await db.Database.SqlQueryRaw<long>($"SELECT id AS \"Value\" FROM alerts WHERE {OpenAlerts.Sql} AND id = ANY(@ids) ORDER BY id",
            new NpgsqlParameter("ids", ids.Keys.ToArray())).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, byQueryable);
        Assert.Equal(expected, bySql);
        Assert.Equal(ids.Keys.Except(expected).Order(), closed.Order());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> Filter(NpgsqlConnection connection, string index)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = @index", connection);
        command.Parameters.AddWithValue("index", index);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
