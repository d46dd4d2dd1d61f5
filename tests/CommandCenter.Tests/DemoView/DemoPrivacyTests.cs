using System.Globalization;
using System.Net;
using System.Text;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace CommandCenter.Tests.DemoView;

/// <summary>The demo county with the simulator running fast and often sending somebody where they must not go.</summary>
public class BusyCountyApp : DemoCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Demo:Simulator"] = "true",
        ["Demo:SimulatorInterval"] = "00:00:01",
        ["Demo:ViolationChancePerTick"] = "0.5",
        ["Delegation:FrameInterval"] = "00:00:02",
    };
}

public class DemoPrivacyTests(BusyCountyApp app) : IClassFixture<BusyCountyApp>
{
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AMinuteOfTheDemoViewShowsNoNameIdNumberPhoneCaseNumberOrExactPosition()
    {
        using var guest = await app.SignInAsync(Roles.DemoGuest);
        var seen = new StringBuilder();
        var messages = 0;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/demo"), options => options.Cookies = guest.Cookies)
            .Build();
        hub.On<object>("demoFrame", frame => { lock (seen) { seen.AppendLine(frame.ToString()); messages++; } });
        hub.On<object>("demoAlert", alert => { lock (seen) { seen.AppendLine(alert.ToString()); messages++; } });
        await hub.StartAsync();

        var until = TimeProvider.System.GetUtcNow() + Watch;
        while (TimeProvider.System.GetUtcNow() < until)
        {
            foreach (var path in new[] { "/demo", "/demo?scene=Figures", "/demo?scene=Achievements", "/demo?scene=Replay", "/api/v1/demo/frame", "/api/v1/demo/figures", "/api/v1/demo/replay" })
            {
                var response = await guest.Client.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                lock (seen)
                {
                    seen.AppendLine(body);
                }
            }

            await Task.Delay(5_000);
        }

        await hub.DisposeAsync();
        Assert.True(messages > 10, $"only {messages} hub messages in a minute");
        var text = seen.ToString();
        var leaks = (await SecretsAsync()).Where(secret => text.Contains(secret, StringComparison.Ordinal)).Take(10).ToList();
        Assert.True(leaks.Count == 0, "The demo view showed: " + string.Join(", ", leaks));

        // Beyond the seeded values: no number anywhere that reads as a position in the county to 4 decimals.
        var precise = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\d:.])(3[45]|11[78])\.\d{4,}").Select(m => m.Value).Distinct().Take(10).ToList();
        Assert.True(precise.Count == 0, "Precise coordinates in the demo view: " + string.Join(", ", precise));
        Assert.True(await new CountyRecords(app.ConnectionString).CountAsync("SELECT count(*) FROM alerts") > 0, "no alert was raised to test the masking of");
    }

    /// <summary>Every identifying value in the database: names, ID and phone numbers, case numbers, and every stored position to four decimals.</summary>
    private async Task<HashSet<string>> SecretsAsync()
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var people = new NpgsqlCommand("SELECT name, id_number, phone, code, ST_X(home), ST_Y(home) FROM subjects", connection))
        await using (var reader = await people.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                secrets.UnionWith([reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)]);
                AddCoordinates(secrets, reader.GetDouble(4), reader.GetDouble(5));
            }
        }

        await using var places = new NpgsqlCommand(
            "SELECT ST_X(location), ST_Y(location) FROM latest_positions UNION ALL SELECT ST_X(location), ST_Y(location) FROM alerts WHERE location IS NOT NULL", connection);
        await using var rows = await places.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            AddCoordinates(secrets, rows.GetDouble(0), rows.GetDouble(1));
        }

        return secrets;
    }

    /// <summary>A coordinate is exact enough to find a door at four decimals (about 10 m).</summary>
    private static void AddCoordinates(HashSet<string> secrets, double longitude, double latitude)
    {
        secrets.Add(Math.Truncate(longitude * 10_000).ToString("0", CultureInfo.InvariantCulture).Insert(3, "."));
        secrets.Add(Math.Truncate(latitude * 10_000).ToString("0", CultureInfo.InvariantCulture).Insert(2, "."));
    }
}
