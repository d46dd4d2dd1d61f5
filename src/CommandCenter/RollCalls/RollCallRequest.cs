namespace CommandCenter.RollCalls;

/// <summary>An officer's call: these people to this camera within <see cref="Minutes"/> (the setting when not given).</summary>
public class RollCallRequest
{
    public int? CameraId { get; set; }
    public List<int>? SubjectIds { get; set; }
    public int? Minutes { get; set; }
}
