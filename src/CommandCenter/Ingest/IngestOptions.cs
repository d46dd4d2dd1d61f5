using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Ingest;

public class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The most fixes one request may carry; more is answered with 413.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 1000;

    /// <summary>The largest request body in bytes; more is answered with 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far ahead of the server's clock a fix may be (device clocks drift a little).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a fix may be; devices upload what they buffered while out of coverage.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxFixAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Fixes waiting for the pipeline at most; beyond it senders get 503 and Retry-After (and resend).</summary>
    [Range(100, 2_000_000)]
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>How long the pipeline waits for more work before writing a micro-batch (at most 100 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.100")]
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The most fixes written in one transaction.</summary>
    [Range(100, 100_000)]
    public int MaxBatchFixes { get; set; } = 10_000;

    /// <summary>What 503 answers tell senders to wait before resending.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a request waits for its fixes to be committed before it gets 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the timer rules run (offline, curfew start, check-ins, order ends, dwell).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most subjects one timer tick reviews. A node with more cuts each <see cref="TimerInterval"/> into as many
    /// ticks as it takes (at most <see cref="MaxTimerSlices"/>), each reviewing its share: every subject is still
    /// reviewed once an interval, and the fixes that queue behind a tick wait for a slice, not for the whole county.
    /// </summary>
    [Range(100, 1_000_000)]
    public int TimerSliceSubjects { get; set; } = 5_000;

    /// <summary>The most ticks one <see cref="TimerInterval"/> is cut into, whatever the number of subjects.</summary>
    public const int MaxTimerSlices = 10;

    /// <summary>How often devices, subjects and fences are read again (changes made elsewhere reach the rules within this).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an unknown serial is remembered as unknown before the database is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnknownDeviceMemory { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many partitions the subjects are spread over when several nodes share the database; 0 (one node) keeps every
    /// subject's rules on this node. Every node of a site must be given the same number.
    /// </summary>
    [Range(0, 4096)]
    public int Partitions { get; set; }

    /// <summary>
    /// How long a starting node waits for a node that judges in a way that conflicts with it (alone, or with another
    /// number of partitions) to go away before it refuses to start: a node that crashed keeps its session, and so its
    /// claim, until the database notices, within about 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ConflictingNodeWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often a node counts the live nodes and takes or gives back partitions; a dead node's partitions are taken
    /// within this (plus the time its connection takes to drop).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:00:03")]
    public TimeSpan RebalanceInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an owner reads the fixes other nodes accepted for its partitions.</summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:00:01")]
    public TimeSpan HandOffPoll { get; set; } = TimeSpan.FromMilliseconds(100);
}
