using CommandCenter.Supervision;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest;

/// <summary>Supervision's view of the ingest engine: changes go through the same queue as the fixes.</summary>
public sealed class IngestRuleEngine(IngestQueue queue, IOptions<IngestOptions> options) : IRuleEngine
{
    public TimeSpan MaxClockSkew => options.Value.MaxClockSkew;

    public ValueTask SupervisionChangedAsync(int subjectId, CancellationToken cancellationToken) =>
        queue.PostAsync(new SupervisionChangedWork(subjectId), cancellationToken);
}
