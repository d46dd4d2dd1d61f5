namespace CommandCenter.Live.Log;

/// <summary>
/// The body of an entry: which alert or fence changed, not how it looks. The screens are sent the alert as it
/// stands when the entry is read, so the log stays small and a replay never shows a superseded state.
/// </summary>
public record LiveLogPayload(long? AlertId = null, int? SquadId = null, int? FenceId = null)
{
    public static LiveLogPayload Alert(long alertId, int squadId) => new(AlertId: alertId, SquadId: squadId);

    public static LiveLogPayload Fence(int? fenceId) => new(FenceId: fenceId);

    public static LiveLogPayload None { get; } = new();
}
