using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.FieldMessages;

namespace CommandCenter.Tests.FieldMessages;

/// <summary>The alert steps the field hears of, made as the app makes them: an alert raised for a subject of squad S1, and a dispatch by a duty officer.</summary>
public sealed class FieldAlertSteps(FieldMessagesApp app)
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private static int fences = 700_000;

    /// <summary>An open alert, as the rules raise it, for the n-th subject of squad S1, with a place on record.</summary>
    public async Task<(long Id, string Name, string IdNumber, int SquadId)> RaiseAsync(int index, string severity, TimeSpan ago)
    {
        var subject = await county.ScalarAsync<int>(
            "SELECT s.id FROM subjects s JOIN squads q ON q.id = s.squad_id WHERE q.code = 'S1' ORDER BY s.id OFFSET @n LIMIT 1", ("n", index));
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", subject));
        var id = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, raised_at, condition_cleared, location)
            VALUES (@s, 'ZoneExit', @fence, @severity, 'Raised', @squad, now() - @ago, false, ST_SetSRID(ST_MakePoint(117.30123, 35.45678), 4326)) RETURNING id
            """, ("s", subject), ("fence", Interlocked.Increment(ref fences)), ("severity", severity), ("squad", squad), ("ago", ago));
        await county.ScalarAsync<int>("INSERT INTO alert_events (alert_id, kind, at, actor) VALUES (@id, 'Raised', now() - @ago, 'system') RETURNING 1", ("id", id), ("ago", ago));
        return (id, await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = @s", ("s", subject)),
            await county.ScalarAsync<string>("SELECT id_number FROM subjects WHERE id = @s", ("s", subject)), squad);
    }

    public async Task DispatchAsync(long id, int squad)
    {
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsync($"/api/v1/alerts/{id}/acknowledge", new StringContent("", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/v1/alerts/{id}/dispatch", new { squadId = squad })).StatusCode);
    }

    public static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 30 s.");
            await Task.Delay(100);
        }
    }
}
