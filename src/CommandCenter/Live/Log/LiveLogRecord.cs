namespace CommandCenter.Live.Log;

/// <summary>An entry to append: its kind and what it names.</summary>
public record LiveLogRecord(string Kind, LiveLogPayload Payload)
{
    public static LiveLogRecord AlertRaised(long alertId, int squadId) => new(LiveLogKinds.AlertRaised, LiveLogPayload.Alert(alertId, squadId));

    public static LiveLogRecord AlertChanged(long alertId, int squadId) => new(LiveLogKinds.AlertChanged, LiveLogPayload.Alert(alertId, squadId));

    public static LiveLogRecord FencesChanged(int? fenceId) => new(LiveLogKinds.FencesChanged, LiveLogPayload.Fence(fenceId));

    public static LiveLogRecord MapChanged { get; } = new(LiveLogKinds.MapChanged, LiveLogPayload.None);

    public static LiveLogRecord SettingsChanged { get; } = new(LiveLogKinds.SettingsChanged, LiveLogPayload.None);

    public static LiveLogRecord FieldChannelsChanged { get; } = new(LiveLogKinds.FieldChannelsChanged, LiveLogPayload.None);
}
