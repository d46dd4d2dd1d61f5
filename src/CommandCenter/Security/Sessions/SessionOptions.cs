using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Security.Sessions;

public class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How long a node trusts its last look at a session before asking the database again. A revocation made on
    /// this node clears it at once; one made on another node is found by the sweep, or when this runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each node asks which of the sessions it holds (hub connections, circuits, cache) were revoked elsewhere.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
