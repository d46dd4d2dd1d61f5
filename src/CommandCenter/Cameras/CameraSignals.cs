namespace CommandCenter.Cameras;

/// <summary>
/// The measured state of every camera with a link, kept in memory: each node probes for itself and a restart
/// measures afresh within one probe interval, so there is nothing worth storing. The wall's tiles, the camera
/// page and the registry all read it here, so they agree.
/// </summary>
public sealed class CameraSignals
{
    private readonly Lock gate = new();
    private Dictionary<int, CameraSignal> signals = [];

    /// <summary>Raised after a probe round that changed any camera's state; handlers re-render.</summary>
    public event Action? Changed;

    /// <summary>The camera's last measured state; null when it has no link or has not been probed yet.</summary>
    public CameraSignal? Of(int cameraId)
    {
        lock (gate)
        {
            return signals.GetValueOrDefault(cameraId);
        }
    }

    /// <summary>Records a probe round; cameras not in it (no links any more, retired, deleted) are forgotten.</summary>
    public void Record(IReadOnlyDictionary<int, bool> liveByCamera, DateTimeOffset at)
    {
        var changed = false;
        lock (gate)
        {
            var next = new Dictionary<int, CameraSignal>(liveByCamera.Count);
            foreach (var (id, live) in liveByCamera)
            {
                var before = signals.GetValueOrDefault(id);
                var lostAt = live ? (DateTimeOffset?)null : before is { Live: false, LostAt: { } since } ? since : at;
                next[id] = new CameraSignal(live, at, lostAt);
                changed |= before?.Live != live;
            }

            changed |= signals.Keys.Any(id => !next.ContainsKey(id));
            signals = next;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }
}
