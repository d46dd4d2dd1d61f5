using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Data;

/// <summary>Where the database is and what to do to it at start-up.</summary>
public class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Npgsql connection string; <c>ConnectionStrings:CommandCenter</c> is used when this is empty.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (run.sh and the test fixture turn this on).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>How many days ahead the daily partitions of the positions table are created.</summary>
    [Range(1, 60)]
    public int PartitionDaysAhead { get; set; } = 7;
}
