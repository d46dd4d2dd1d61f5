using Npgsql;

namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// Holds this node's partitions as PostgreSQL session advisory locks on the pipeline's own connection, the one every
/// rule decision is committed on. A lock lives exactly as long as its session: a node that dies or loses its
/// connection loses its partitions at once, and a commit that succeeds proves the partitions it judged were still
/// held. Every node also holds one shared lock, so that the nodes alive can be counted, and each takes a fair share.
/// </summary>
public sealed class PartitionLeases(SubjectPartitions partitions, ILogger<PartitionLeases> logger)
{
    /// <summary>The first key of every lock here; the second is the partition, or the partition count for membership.</summary>
    public const int LockSpace = 0x1C_2024;

    /// <summary>
    /// The claim on how a database's subjects are judged: a node that judges them all alone holds it exclusively, the
    /// nodes that share them by partition hold it together. Two nodes alone, or one alone beside partitioned ones,
    /// would each judge the same subjects from a memory of their own.
    /// </summary>
    public const long JudgesLock = 0x63635F6A75646765; // "cc_judge"

    // A node whose machine vanishes sends no FIN: the server notices through keepalives within about 5 seconds and
    // ends the session, which frees its locks. Over a Unix socket or loopback these settings are ignored and unneeded.
    private const string KeepAlive = "SET tcp_keepalives_idle = 2; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3";

    private const string Join = $"""
        {KeepAlive};
        SELECT pg_try_advisory_lock_shared(@judges)
            AND NOT EXISTS (SELECT 1 FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = @space::oid AND mode = 'ShareLock'
                  AND objid <> @members AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            AND pg_try_advisory_lock_shared(@space, @members)
        """;

    private const string JudgeAlone = $"""
        {KeepAlive};
        SELECT pg_try_advisory_lock(@judges)
        """;

    private const string Census = """
        SELECT objid::int, mode, pid FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = @space::oid
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    /// <summary>
    /// Joins the nodes on a freshly opened connection; it holds no partition yet. Throws
    /// <see cref="ConflictingNodeException"/> when a node judges alone on the database or with another number of partitions.
    /// </summary>
    public async Task JoinAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        partitions.Set([]);
        await using var join = new NpgsqlCommand(Join, connection);
        join.Parameters.AddWithValue("judges", JudgesLock);
        join.Parameters.AddWithValue("space", LockSpace);
        join.Parameters.AddWithValue("members", partitions.Count);
        if (!(bool)(await join.ExecuteScalarAsync(cancellationToken))!)
        {
            // The shared claim may have been granted before the check failed: a session that stays must not keep it.
            await LeaveAsync(connection);
            throw new ConflictingNodeException(
                $"Another node on this database judges every subject alone (Ingest:Partitions 0) or with another number of partitions than {partitions.Count}: every node of a site must be given the same Ingest:Partitions.");
        }
    }

    /// <summary>
    /// Claims the database's subjects for a node that judges them all alone (<see cref="IngestOptions.Partitions"/> 0);
    /// throws <see cref="ConflictingNodeException"/> when another node runs on it.
    /// </summary>
    public async Task JudgeAloneAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(JudgeAlone, connection);
        claim.Parameters.AddWithValue("judges", JudgesLock);
        if (!(bool)(await claim.ExecuteScalarAsync(cancellationToken))!)
        {
            throw new ConflictingNodeException(
                "Another node already judges the subjects of this database. A site of several nodes must give every node the same Ingest:Partitions (64, say); with 0 only one node may run.");
        }
    }

    /// <summary>
    /// Gives back every partition before the connection is dropped: a pooled connection outlives its use, and with it
    /// its session's locks. A connection already broken has lost its session, and its locks with it.
    /// </summary>
    public async Task LeaveAsync(NpgsqlConnection connection)
    {
        partitions.Set([]);
        try
        {
            await using var leave = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await leave.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogDebug(exception, "The partitions were not given back: the connection is already gone.");
        }
    }

    /// <summary>
    /// Gives back what is over this node's share and takes free partitions up to it. The shares add up to at least
    /// every partition, so a partition nobody holds is taken by some node at its next turn. Returns whether the
    /// partitions held changed (the rules' memory must then be rebuilt for them).
    /// </summary>
    public async Task<bool> RebalanceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var members = 0;
        var held = new HashSet<int>();
        var mine = new HashSet<int>();
        await using (var census = new NpgsqlCommand(Census, connection))
        {
            census.Parameters.AddWithValue("space", LockSpace);
            await using var reader = await census.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.GetInt32(0);
                if (key == partitions.Count && reader.GetString(1) == "ShareLock")
                {
                    members++;
                }
                else if (key < partitions.Count && reader.GetString(1) == "ExclusiveLock")
                {
                    held.Add(key);
                    if (reader.GetInt32(2) == connection.ProcessID)
                    {
                        mine.Add(key);
                    }
                }
            }
        }

        var share = (partitions.Count + Math.Max(members, 1) - 1) / Math.Max(members, 1);
        var before = mine.Count;
        foreach (var extra in mine.Order().Skip(share).ToList())
        {
            await LockAsync(connection, "SELECT pg_advisory_unlock(@space, @key)", extra, cancellationToken);
            mine.Remove(extra);
        }

        var released = before - mine.Count;
        var taken = 0;

        // Each node starts looking at a different place, so that nodes taking at once seldom ask for the same one.
        var start = connection.ProcessID % partitions.Count;
        for (var i = 0; i < partitions.Count && mine.Count < share; i++)
        {
            var key = (start + i) % partitions.Count;
            if (!held.Contains(key) && await LockAsync(connection, "SELECT pg_try_advisory_lock(@space, @key)", key, cancellationToken))
            {
                mine.Add(key);
                taken++;
            }
        }

        partitions.Set(mine);
        if (released + taken > 0)
        {
            logger.LogInformation("Ingest partitions: {Nodes} nodes; this node gave back {Released} and took {Taken}, and holds {Held}.",
                members, released, taken, mine.Count);
        }

        return released + taken > 0;
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, int key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("space", LockSpace);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
