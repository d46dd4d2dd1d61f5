using System.Diagnostics;

namespace CommandCenter.Ingest.Telemetry;

/// <summary>
/// The spans of ingest: one per micro-batch, with one inside it for each stage (taking hand-offs, evaluating,
/// the timer tick, writing, committing), and one per alert it raised. They cost nothing unless a site
/// sends traces somewhere (an OTLP endpoint in the telemetry settings).
/// </summary>
public static class IngestTracing
{
    public const string SourceName = "CommandCenter.Ingest";

    public static readonly ActivitySource Source = new(SourceName);
}
