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
}
