using System.Globalization;
using Bunit;
using CommandCenter.Squads;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Squads;

public class SquadTileTests : BunitContext
{
    public SquadTileTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Services.AddLocalization();
    }

    private IRenderedComponent<SquadTile> Tile(SquadStatus status, int openAlerts = 0) =>
        Render<SquadTile>(p => p.Add(t => t.Squad, new SquadState(3, "SQ3", "第三中队", status, openAlerts, status == SquadStatus.Available ? null : "PY20240001")));

    [Theory]
    [InlineData(SquadStatus.Available, "待命", "available")]
    [InlineData(SquadStatus.Dispatched, "出警中", "dispatched")]
    [InlineData(SquadStatus.OnScene, "在现场", "on-scene")]
    public void EachStateIsSpelledOutAndColouredByItsOwnClass(SquadStatus status, string word, string colour)
    {
        var tile = Tile(status);

        Assert.Equal(word, tile.Find(".status").TextContent.Trim());
        Assert.Contains(colour, tile.Find("[data-testid=squad]").ClassList);
        Assert.Equal(status.ToString(), tile.Find("[data-testid=squad]").GetAttribute("data-status"));
    }

    [Fact]
    public void OpenAlertsAreCountedAndShownAsAnAlarmOnlyWhenThereAreAny()
    {
        var calm = Tile(SquadStatus.Available);
        Assert.Equal("告警 0", calm.Find("[data-testid=squad-open-alerts]").TextContent.Trim());
        Assert.DoesNotContain("alarm", calm.Find("[data-testid=squad-open-alerts]").ClassList);

        var busy = Tile(SquadStatus.Dispatched, openAlerts: 4);
        Assert.Equal("告警 4", busy.Find("[data-testid=squad-open-alerts]").TextContent.Trim());
        Assert.Contains("alarm", busy.Find("[data-testid=squad-open-alerts]").ClassList);
    }

    [Fact]
    public void TheSquadIsNamedForTheHallAndIdentifiedForScripts()
    {
        var tile = Tile(SquadStatus.Available);

        Assert.Equal("第三中队", tile.Find(".name").TextContent.Trim());
        Assert.Equal("3", tile.Find("[data-testid=squad]").GetAttribute("data-squad-id"));
    }

    [Fact]
    public void MarkupInASquadsNameIsShownAsTextOnTheWallsBoard()
    {
        const string name = "<img src=x onerror=alert(1)>第六中队";
        var tile = Render<SquadTile>(p => p.Add(t => t.Squad, new SquadState(6, "S6", name, SquadStatus.Available, 0, null)));

        Assert.Empty(tile.FindAll("img"));
        Assert.Contains(name, tile.Find("[data-testid=squad]").TextContent);
    }
}
