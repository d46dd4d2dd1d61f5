namespace CommandCenter.RollCalls;

/// <summary>
/// A roll call before a camera (视频点名): an officer calls one person or several to a named camera within a set time,
/// watches its live picture, and marks each present, absent or excused (<see cref="RollCallAttendee"/>).
/// </summary>
public class RollCall
{
    public long Id { get; set; }
    public int CameraId { get; set; }

    /// <summary>The account that called it.</summary>
    public required string CalledBy { get; set; }

    public DateTimeOffset CalledAt { get; set; }

    /// <summary>When the people called are due before the camera.</summary>
    public DateTimeOffset Deadline { get; set; }

    public List<RollCallAttendee> Attendees { get; set; } = [];
}
