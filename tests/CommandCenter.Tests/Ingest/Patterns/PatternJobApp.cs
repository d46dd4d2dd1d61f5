using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Ingest.Patterns;

/// <summary>The small county with the pattern jobs' own timers far apart, so that only the runs a test starts judge.</summary>
public class PatternJobApp : SmallCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Patterns:NightCheckEvery"] = "1.00:00:00",
        ["Patterns:CoDefendantCheckEvery"] = "00:30:00",
    };
}
