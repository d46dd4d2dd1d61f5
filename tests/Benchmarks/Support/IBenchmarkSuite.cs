namespace CommandCenter.Benchmarks.Support;

/// <summary>
/// A suite of benchmarks, found by name on the command line (<c>geo</c>, <c>ingest</c>, <c>wall</c>).
/// A new suite is a new class; nothing else changes.
/// </summary>
internal interface IBenchmarkSuite
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>Runs the suite, printing each figure through <see cref="Figures"/>.</summary>
    /// <param name="quick">Whether to use short measurement windows (the whole run under 3 minutes).</param>
    Task RunAsync(bool quick);
}
