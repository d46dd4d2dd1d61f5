using System.Globalization;

namespace CommandCenter.LoadGen;

/// <summary>
/// What to run: <c>--quick</c> (under 3 minutes), <c>--subjects</c>, <c>--fences</c>, <c>--rate</c> and
/// <c>--seconds</c> of the sustained phase, <c>--latency-rate</c> and <c>--latency-seconds</c> of the
/// alert-latency phase, <c>--app</c> (the built CommandCenter.dll).
/// </summary>
internal sealed record LoadOptions(bool Quick, int Subjects, int Fences, double Rate, TimeSpan Sustained, double LatencyRate, TimeSpan LatencyPhase, int BatchSize, string AppDll)
{
    public static LoadOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var app = Value("--app") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/CommandCenter/bin/Release/net10.0/CommandCenter.dll"));
        return new LoadOptions(
            quick,
            Subjects: (int)Number("--subjects", 50_000),
            Fences: (int)Number("--fences", 10_000),
            Rate: Number("--rate", 10_000),
            Sustained: TimeSpan.FromSeconds(Number("--seconds", quick ? 40 : 300)),
            LatencyRate: Number("--latency-rate", 5_000),
            LatencyPhase: TimeSpan.FromSeconds(Number("--latency-seconds", quick ? 20 : 60)),
            BatchSize: (int)Number("--batch", 50),
            AppDll: app);
    }
}
