using System.Globalization;
using Bunit;
using CommandCenter.Wall;
using CommandCenter.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Wall;

public class WallHeaderTests : BunitContext
{
    public WallHeaderTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Services.AddLocalization();
        Services.AddSingleton(Options.Create(new SiteOptions()));
        Services.AddSingleton<SiteClock>();
        Services.AddSingleton(TimeProvider.System);

        // As prerendered: the clock shows the time without starting its timer.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
    }

    [Theory]
    [InlineData("connected", "实时连接正常")]
    [InlineData("reconnecting", "正在重连…")]
    [InlineData("disconnected", "连接中断")]
    [InlineData("anything else", "正在连接…")]
    public void TheConnectionStateIsSpelledOutInChinese(string state, string expected)
    {
        var header = Render<WallHeader>(p => p.Add(h => h.Connection, state));

        Assert.Equal(expected, header.Find("[data-testid=connection]").TextContent.Trim());
    }

    [Fact]
    public void OpenAlertsAreShownAsAnAlarmOnlyWhenThereAreAny()
    {
        var calm = Render<WallHeader>(p => p.Add(h => h.Summary, new WallSummary(550, 0, 3)));
        Assert.DoesNotContain("alarm", calm.Find("[data-testid=open-alerts]").ClassName);

        var alarmed = Render<WallHeader>(p => p.Add(h => h.Summary, new WallSummary(550, 2, 3)));
        Assert.Contains("alarm", alarmed.Find("[data-testid=open-alerts]").ClassName);
        Assert.Equal("2", alarmed.Find("[data-testid=open-alerts] .value").TextContent);
    }

    [Fact]
    public void AFigureNotYetKnownShowsADash()
    {
        var header = Render<WallHeader>();

        Assert.Equal("–", header.Find("[data-testid=people] .value").TextContent);
    }
}
