namespace CommandCenter.Ingest.Patterns;

/// <summary>What one run of a pattern job did: whether it ran at all (another node may hold the run), its decisions and the alerts it raised anew.</summary>
public sealed record PatternRun(bool Ran, int Decisions, int Raised)
{
    public static PatternRun Skipped { get; } = new(false, 0, 0);
}
