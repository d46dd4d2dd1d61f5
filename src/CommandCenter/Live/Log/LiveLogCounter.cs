namespace CommandCenter.Live.Log;

/// <summary>
/// The one row that hands out the live log's numbers (see <see cref="LiveLog"/> for why a row and not a
/// sequence), and the epoch: a name for this database's numbering, so a wall that last listened to another
/// database (a restored or a fresh one) is told to reload instead of trusting numbers that mean nothing here.
/// </summary>
public class LiveLogCounter
{
    public const short OnlyRow = 1;

    public short Id { get; set; } = OnlyRow;

    /// <summary>The number the latest entry took.</summary>
    public long Seq { get; set; }

    public string Epoch { get; set; } = string.Empty;
}
