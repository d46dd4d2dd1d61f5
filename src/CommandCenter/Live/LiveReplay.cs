namespace CommandCenter.Live;

/// <summary>
/// What a client missed while it was away, in order. <see cref="Reset"/> means the server cannot say (the
/// client last listened to another database, or its gap reaches past what the live log keeps): the client
/// reloads its picture from the API instead. <see cref="Raised"/> names the numbers among
/// <see cref="Alerts"/> that were raised while it was away (the others changed), so it chimes for those.
/// </summary>
public record LiveReplay(string Epoch, bool Reset, IReadOnlyList<AlertMessage> Alerts)
{
    public IReadOnlyList<long> Raised { get; init; } = [];
}
