using CommandCenter.AlertLog;
using CommandCenter.AlertDesk;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.AlertDesk;

/// <summary>The desk queue's first load, filtered in SQL on PostGIS, answers as the live filter does.</summary>
public class DeskQueueQueryTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly AlertQueries queries = app.Services.GetRequiredService<AlertQueries>();

    private async Task<long> RaiseAsync(int subjectIndex, string severity, string state, int? dispatchedTo = null)
    {
        var device = await county.VisibleDeviceAsync(subjectIndex);
        return await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, dispatched_squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', @severity, @state, squad_id, @dispatched, now(), false FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId), ("severity", severity), ("state", state), ("dispatched", (object?)dispatchedTo ?? DBNull.Value));
    }

    [Fact]
    public async Task EachFilterReadsOnlyTheAlertsItAdmits()
    {
        var squad = await county.ScalarAsync<int>("SELECT max(id) FROM squads");
        var raised = await RaiseAsync(7, "Critical", "Raised");
        var sent = await RaiseAsync(8, "Minor", "Dispatched", dispatchedTo: squad);
        var resolved = await RaiseAsync(9, "Critical", "Resolved");
        QueueFilter[] filters =
        [
            new(),
            new(Severity: AlertSeverity.Critical),
            new(State: AlertState.Resolved),
            new(SquadId: squad),
            new(Severity: AlertSeverity.Minor, State: AlertState.Dispatched),
        ];

        foreach (var filter in filters)
        {
            var read = await queries.QueueAsync(filter, null, 500, CancellationToken.None);
            Assert.All(read, alert => Assert.True(filter.Admits(alert), $"{filter} read alert {alert.AlertId}"));
            var ours = read.Select(a => a.AlertId).Where(id => id == raised || id == sent || id == resolved).Order().ToList();
            var expected = new[] { raised, sent, resolved }.Where(id => ours.Contains(id) || Expected(filter, id)).Order().ToList();
            Assert.Equal(expected, ours);
        }

        bool Expected(QueueFilter filter, long id) =>
            (filter, id == raised, id == sent, id == resolved) switch
            {
                ({ State: null, Severity: null, SquadId: null }, true, _, _) or ({ State: null, Severity: null, SquadId: null }, _, true, _) => true,
                ({ Severity: AlertSeverity.Critical, State: null }, true, _, _) => true,
                ({ State: AlertState.Resolved }, _, _, true) => true,
                ({ SquadId: not null, State: null, Severity: null }, _, true, _) => true,
                ({ Severity: AlertSeverity.Minor, State: AlertState.Dispatched }, _, true, _) => true,
                _ => false,
            };
    }

    [Fact]
    public async Task ASquadLeaderReadsOnlyTheirSquadsQueue()
    {
        var squad = await county.ScalarAsync<int>("SELECT min(id) FROM squads");

        var read = await queries.QueueAsync(new QueueFilter(), squad, 500, CancellationToken.None);

        Assert.All(read, alert => Assert.True(alert.SquadId == squad || alert.DispatchedSquadId == squad));
    }
}
