namespace CommandCenter.Site.Settings;

/// <summary>
/// The stored settings as the last configuration source, so that a stored value overrides its default from
/// appsettings and the environment. Each newer version it is given raises configuration's reload, on which
/// every <c>IOptionsMonitor</c> recomputes its options.
/// </summary>
public sealed class StoredSettingsProvider : ConfigurationProvider
{
    private readonly Lock gate = new();

    /// <summary>The version applied last; -1 until the database was first read.</summary>
    public int Version { get; private set; } = -1;

    /// <summary>Takes the stored values unless they are older than those applied (a slow read must not undo a save).</summary>
    public bool Apply(IReadOnlyDictionary<string, string> values, int version)
    {
        lock (gate)
        {
            if (version <= Version)
            {
                return false;
            }

            Data = new Dictionary<string, string?>(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)), StringComparer.OrdinalIgnoreCase);
            Version = version;

            // Raised inside the lock: configuration re-subscribes to the reload token only after its handlers ran, so a
            // second version raised meanwhile from another thread (a save and the live log's notice of the one before)
            // went unheard, and the options kept the older values.
            OnReload();
        }

        return true;
    }
}
