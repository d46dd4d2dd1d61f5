using System.Net;
using CommandCenter.AlertLog;
using CommandCenter.Security;
using CommandCenter.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Site.Settings;

/// <summary>Two nodes share one database: a change saved on one is in force on the other within a second or two.</summary>
public class SettingsAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task AChangeSavedOnOneNodeIsInForceOnTheOtherWithinTwoSeconds()
    {
        using var commander = await nodes.First.SignInAsync(Roles.Commander);
        var changed = await SettingsClient.ChangeAsync(commander.Client, new() { ["Alerts:ConfirmationFixes"] = "4" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var saved = DateTimeOffset.UtcNow;

        var other = nodes.Second.Services.GetRequiredService<IOptionsMonitor<AlertOptions>>();
        while (other.CurrentValue.ConfirmationFixes != 4 && DateTimeOffset.UtcNow - saved < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50);
        }

        Assert.Equal(4, other.CurrentValue.ConfirmationFixes);
        Assert.Equal(4, nodes.Second.Services.GetRequiredService<CommandCenter.Alerts.Rules.AlertEngine>().Options.ConfirmationFixes);
    }
}
