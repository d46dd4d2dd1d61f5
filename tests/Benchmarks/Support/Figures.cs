using System.Diagnostics;
using System.Globalization;

namespace CommandCenter.Benchmarks.Support;

/// <summary>Prints figures as <c>name: value unit</c>, one per line, and measures loops.</summary>
internal static class Figures
{
    public static void Report(string name, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Format(value)} {unit}"));

    /// <summary>A note that is not a figure (prefixed so that figure parsers skip it).</summary>
    public static void Note(string text) => Console.WriteLine($"# {text}");

    /// <summary>
    /// Runs <paramref name="pass"/> (which performs <paramref name="operationsPerPass"/> operations)
    /// once to warm up, then repeatedly for at least <paramref name="window"/>; returns operations per second.
    /// </summary>
    public static double Rate(Action pass, int operationsPerPass, TimeSpan window)
    {
        pass();
        long operations = 0;
        var stopwatch = Stopwatch.StartNew();
        do
        {
            pass();
            operations += operationsPerPass;
        }
        while (stopwatch.Elapsed < window);

        return operations / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Times one run of <paramref name="action"/> in milliseconds.</summary>
    public static double Milliseconds(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Bytes held on the managed heap after a full collection.</summary>
    public static long HeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("F2", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);
}
