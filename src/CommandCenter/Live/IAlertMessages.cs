namespace CommandCenter.Live;

/// <summary>
/// Alerts as the screens see them, by id; the alert log provides it, so the live stream can send an alert
/// as it stands without knowing where alerts are kept.
/// </summary>
public interface IAlertMessages
{
    Task<List<AlertMessage>> FindAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
