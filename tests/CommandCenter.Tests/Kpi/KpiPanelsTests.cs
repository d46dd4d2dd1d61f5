using System.Globalization;
using CommandCenter.Kpi;
using CommandCenter.Kpi.Panels;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Kpi;

/// <summary>Every panel computed for May 2024 over the known records of <see cref="KnownRecordsApp"/>, on PostGIS.</summary>
public class KpiPanelsTests(KnownRecordsApp app) : IClassFixture<KnownRecordsApp>
{
    private readonly KpiPanels panels = app.Services.GetRequiredService<KpiPanels>();

    private async Task<KpiPanel> PanelAsync(string id, DateOnly? month = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return (await panels.BuildAsync(id, panels.Period(month ?? KnownRecordsApp.May), CancellationToken.None))!;
    }

    private static IReadOnlyList<object?> Row(KpiPanel panel, int index) => panel.Table.Rows[index];

    private static string Figure(KpiPanel panel, int index) => panel.Figures[index].Value;

    [Fact]
    public async Task PeopleUnderSupervisionAreThoseTakenInAndNotYetReleasedOnTheLastDayByTypeAndLevel()
    {
        var panel = await PanelAsync("supervision");

        Assert.Equal("3", Figure(panel, 0));
        // Columns: type, strict, ordinary, lenient, total; rows in the order of the CorrectionType enum.
        Assert.Equal([0, 0, 0, 0], panel.Table.Rows[0].Skip(1).Cast<int>());
        Assert.Equal([1, 1, 0, 2], panel.Table.Rows[1].Skip(1).Cast<int>());
        Assert.Equal([0, 0, 0, 0], panel.Table.Rows[2].Skip(1).Cast<int>());
        Assert.Equal([1, 0, 0, 1], panel.Table.Rows[3].Skip(1).Cast<int>());
    }

    [Fact]
    public async Task IntakeAndReleaseCountTheMonthAndTheElevenBefore()
    {
        var panel = await PanelAsync("intake-release");

        Assert.Equal(12, panel.Table.Rows.Count);
        Assert.Equal(["2024-05", 1, 1], Row(panel, 11));
        Assert.Equal(["2024-01", 1, 0], Row(panel, 7));
        Assert.Equal(["2023-06", 1, 0], Row(panel, 0));
        Assert.Equal(3, panel.Table.Rows.Sum(r => (int)r[1]!));
    }

    [Fact]
    public async Task AlertsADayAreCountedOnTheSiteCalendarByRule()
    {
        var panel = await PanelAsync("alerts-daily");

        Assert.Equal(31, panel.Table.Rows.Count);
        Assert.Equal("4", Figure(panel, 0));
        var totals = panel.Table.Rows.ToDictionary(r => (string)r[0]!, r => (int)r[^1]!);
        Assert.Equal(2, totals["2024-05-02"]);
        Assert.Equal(1, totals["2024-05-10"]);
        Assert.Equal(1, totals["2024-05-31"]);
        Assert.Equal(4, totals.Values.Sum());
        var zoneExit = 1 + (int)CommandCenter.Alerts.Lifecycle.AlertRule.ZoneExit;
        Assert.Equal(1, panel.Table.Rows.Single(r => (string)r[0]! == "2024-05-31")[zoneExit]);
    }

    [Fact]
    public async Task ResponseTimesAreTheInterpolatedMedianAndNinetiethPercentile()
    {
        var panel = await PanelAsync("response");

        // Acknowledged after 2, 4, 6, 12 minutes; on scene after 20 and 40.
        Assert.Equal([4, 4, 5.0, 10.2], Row(panel, 0).Skip(1).Select(Convert.ToDouble));
        Assert.Equal([4, 2, 30.0, 38.0], Row(panel, 1).Skip(1).Select(Convert.ToDouble));
        Assert.Equal("5.0 / 10.2", Figure(panel, 0));
    }

    [Fact]
    public async Task DispositionsAreCountedInTheMonthAndInAllByWhenTheAlertClosed()
    {
        var panel = await PanelAsync("dispositions");

        // Rows in the order of the Disposition enum: no violation, device fault, admonition, warning, revocation.
        Assert.Equal([0, 0], Row(panel, 0).Skip(1).Cast<int>());
        Assert.Equal([1, 1], Row(panel, 1).Skip(1).Cast<int>());
        Assert.Equal([1, 1], Row(panel, 2).Skip(1).Cast<int>());
        Assert.Equal([1, 1], Row(panel, 3).Skip(1).Cast<int>());
        Assert.Equal([0, 1], Row(panel, 4).Skip(1).Cast<int>());
        Assert.Equal(["1 / 1", "1 / 1", "0 / 1"], panel.Figures.Select(f => f.Value));
    }

    [Fact]
    public async Task DaysWithoutLossCountFromTheLatestLossOnOrBeforeTheLastDay()
    {
        var panel = await PanelAsync("no-loss");

        Assert.Equal("6 天", Figure(panel, 0));
        Assert.True(panel.Figures[0].Alarm);
        Assert.Equal("2024-05-25", Figure(panel, 1));
        Assert.Equal(2, panel.Table.Rows.Count);
    }

    [Fact]
    public async Task DaysWithoutLossCountFromTheBrigadesFoundingWhenNoneIsRecorded()
    {
        var panel = await PanelAsync("no-loss", new DateOnly(2024, 2, 1));

        Assert.Equal("1,338 天", Figure(panel, 0));
        Assert.Equal("2020-07-01", Figure(panel, 1));
        Assert.Empty(panel.Table.Rows);
    }

    [Fact]
    public async Task OrdersInForceLeaveOutThoseLiftedEarlyAndExpiringOnesEndWithinSevenDays()
    {
        var panel = await PanelAsync("positioning");

        Assert.Equal("3", Figure(panel, 0));
        Assert.Equal("2", Figure(panel, 1));
        Assert.Equal(["T-E", "T-B"], panel.Table.Rows.Select(r => (string)r[0]!));
        Assert.Equal([0, 5], panel.Table.Rows.Select(r => (int)r[3]!));
    }

    [Fact]
    public async Task MeetingsAreHeldAgainstTheCadenceOfTheQuarterAndEverySquadMustHoldItsOwn()
    {
        var panel = await PanelAsync("party-meetings");

        // Rows: assembly, committee, group, lecture, themed day: held, required, met, attendance.
        Assert.Equal([1, 1], Row(panel, 0).Skip(1).Take(2).Cast<int>());
        Assert.Equal([2, 3], Row(panel, 1).Skip(1).Take(2).Cast<int>());
        Assert.Equal([6, 6], Row(panel, 2).Skip(1).Take(2).Cast<int>());
        Assert.Equal([0, 1], Row(panel, 3).Skip(1).Take(2).Cast<int>());
        Assert.Equal([3, 3], Row(panel, 4).Skip(1).Take(2).Cast<int>());
        Assert.Equal(["达标", "未达标", "未达标", "未达标", "达标"], panel.Table.Rows.Select(r => (string)r[3]!));
        Assert.Equal("2 / 5", Figure(panel, 0));
        Assert.Equal(33, Row(panel, 4)[4]);
    }

    [Fact]
    public async Task TheBranchCountsMembersJoinedAndNotLeftByTheLastDay()
    {
        var panel = await PanelAsync("party-branch");

        Assert.Equal(["3", "2", "12"], panel.Figures.Select(f => f.Value));
        Assert.Equal([1, 1, 1], panel.Table.Rows.Select(r => (int)r[1]!));
    }

    [Fact]
    public async Task EducationSumsTheDatedRecordsToTheMonthsEndAndCountsPartnersInPartnership()
    {
        var panel = await PanelAsync("education");

        Assert.Equal(["2", "5", "7", "2", "1", "1", "1", "0", "1"], panel.Figures.Select(f => f.Value));
        var volunteer = Row(panel, 0);
        Assert.Equal([1, 3, 2, 5], volunteer.Skip(1).Cast<int>());
    }

    [Fact]
    public async Task TheScoreboardWeighsEachSquadsPartsByTheConfiguredWeights()
    {
        var panel = await PanelAsync("scoreboard");

        // Squad 1: every part full. Squad 2: half its group meetings, no volunteers, a third of the best
        // education per subject, its one alert acknowledged late, a loss in the month.
        Assert.Equal(["一中队", 100.0, 100.0, 100.0, 100.0, 100.0, 100.0], Row(panel, 0));
        Assert.Equal(["二中队", 50.0, 0.0, 33.3, 0.0, 0.0, 21.7], Row(panel, 1));
        Assert.Equal("一中队", Figure(panel, 0));
    }
}
