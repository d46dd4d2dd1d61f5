using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Benchmarks.Wall;

/// <summary>The demo county seeded with as many people as the benchmark asks for.</summary>
internal sealed class CrowdedCountyApp(int people) : DemoCountyApp
{
    protected override int Subjects => people;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };
}
