using System.Text.Encodings.Web;
using System.Text.Json;
using Bunit;
using CommandCenter.Kpi.Charts;
using Microsoft.JSInterop;

namespace CommandCenter.Tests.Kpi;

/// <summary>The chart component against bunit's planned JS interop: which calls reach the browser module, with what.</summary>
public class ApexChartTests : BunitContext
{
    private static readonly ChartOptions Columns = new(
        ChartKind.Column, ["一月", "二月"], [new ChartSeries("入矫", [3, 5]), new ChartSeries("解矫", [2, 4])]);

    private readonly BunitJSModuleInterop module;
    private readonly BunitJSModuleInterop chart;

    public ApexChartTests()
    {
        module = JSInterop.SetupModule(ApexChart.ModulePath);
        chart = module.SetupModule("createChart", _ => true);
        chart.SetupVoid("updateSeries", _ => true).SetVoidResult();
        chart.SetupVoid("updateOptions", _ => true).SetVoidResult();
        chart.SetupVoid("destroy").SetVoidResult();
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(object? value) => JsonSerializer.Serialize(value, Readable);

    /// <summary>createChart(element, options).</summary>
    private static Dictionary<string, object?> CreatedWith(JSRuntimeInvocation invocation) => (Dictionary<string, object?>)invocation.Arguments[1]!;

    /// <summary>updateOptions(options).</summary>
    private static Dictionary<string, object?> UpdatedWith(JSRuntimeInvocation invocation) => (Dictionary<string, object?>)invocation.Arguments[0]!;

    [Fact]
    public void TheModuleIsLoadedOnFirstRenderAndDrawsTheChartWithItsOptions()
    {
        Render<ApexChart>(p => p.Add(c => c.Options, Columns with { Stacked = true }));

        var created = Assert.Single(module.Invocations["createChart"]);
        var options = CreatedWith(created);
        var type = options["chart"] as Dictionary<string, object?>;
        Assert.Equal("bar", type!["type"]);
        Assert.Equal(true, type["stacked"]);
        Assert.Equal("[{\"name\":\"入矫\",\"data\":[3,5]},{\"name\":\"解矫\",\"data\":[2,4]}]", Json(options["series"]));
    }

    [Fact]
    public void NewValuesUpdateTheSeriesWithoutRecreatingTheChart()
    {
        var component = Render<ApexChart>(p => p.Add(c => c.Options, Columns));

        component.Render(p => p.Add(c => c.Options, Columns with { Series = [new ChartSeries("入矫", [7, 8]), new ChartSeries("解矫", [1, 1])] }));

        Assert.Single(module.Invocations["createChart"]);
        var update = Assert.Single(chart.Invocations["updateSeries"]);
        Assert.Equal("[{\"name\":\"入矫\",\"data\":[7,8]},{\"name\":\"解矫\",\"data\":[1,1]}]", Json(update.Arguments[0]));
        Assert.Empty(chart.Invocations["updateOptions"]);
    }

    [Fact]
    public void NewCategoriesOrThemeReconfigureTheChartInPlace()
    {
        var component = Render<ApexChart>(p => p.Add(c => c.Options, Columns));

        component.Render(p => p.Add(c => c.Options, Columns with { Categories = ["三月", "四月"], Theme = ChartTheme.Light }));

        Assert.Single(module.Invocations["createChart"]);
        var update = Assert.Single(chart.Invocations["updateOptions"]);
        Assert.Equal("{\"mode\":\"light\"}", Json(UpdatedWith(update)["theme"]));
        Assert.Empty(chart.Invocations["updateSeries"]);
    }

    [Fact]
    public void TheSameOptionsAgainCallNothing()
    {
        var component = Render<ApexChart>(p => p.Add(c => c.Options, Columns));

        component.Render(p => p.Add(c => c.Options, Columns with { }));

        Assert.Empty(chart.Invocations["updateSeries"]);
        Assert.Empty(chart.Invocations["updateOptions"]);
    }

    [Fact]
    public void APieTakesOneValuePerSliceAndItsLabels()
    {
        Render<ApexChart>(p => p.Add(c => c.Options, new ChartOptions(ChartKind.Donut, ["甲", "乙"], [new ChartSeries("数量", [4, 6])])));

        var options = CreatedWith(Assert.Single(module.Invocations["createChart"]));
        Assert.Equal("[4,6]", Json(options["series"]));
        Assert.Equal(["甲", "乙"], (IEnumerable<string>)options["labels"]!);
    }

    [Fact]
    public async Task DisposingTheComponentDestroysTheChart()
    {
        Render<ApexChart>(p => p.Add(c => c.Options, Columns));

        await DisposeComponentsAsync();

        Assert.Single(chart.Invocations["destroy"]);
    }
}
