namespace CommandCenter.Live;

/// <summary>
/// What a client missed while it was away. <see cref="Reset"/> means the server cannot say (it restarted,
/// or too much happened): the client reloads its picture from the API instead.
/// </summary>
public record LiveReplay(string Epoch, bool Reset, IReadOnlyList<AlertMessage> Alerts);
