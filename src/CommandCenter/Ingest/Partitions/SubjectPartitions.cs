using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// Which partition each subject falls in and which partitions this node owns: the rules of a subject run only on the
/// node that owns its partition. With <see cref="IngestOptions.Partitions"/> at 0 there is one node and it owns all.
/// </summary>
public sealed class SubjectPartitions(IOptions<IngestOptions> options)
{
    private volatile FrozenSet<int> owned = FrozenSet<int>.Empty;

    /// <summary>How many partitions there are; 0 when the subjects are not partitioned.</summary>
    public int Count { get; } = options.Value.Partitions;

    public bool Enabled => Count > 0;

    /// <summary>The partitions this node holds now (read by the metrics while the pipeline changes it).</summary>
    public IReadOnlySet<int> Owned => owned;

    /// <summary>Subject ids are handed out in sequence, so the remainder spreads them evenly.</summary>
    public int Of(long subjectId) => (int)(subjectId % Count);

    /// <summary>Whether this node runs the subject's rules.</summary>
    public bool Owns(long subjectId) => !Enabled || owned.Contains(Of(subjectId));

    internal void Set(IEnumerable<int> partitions) => owned = partitions.ToFrozenSet();
}
