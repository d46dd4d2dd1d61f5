namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// A person marked absent (缺席) at a roll call before a camera (视频点名), as the rules weigh it. Only an officer's
/// mark is an absence: the rules never infer one from a roll call left unmarked.
/// </summary>
/// <param name="AttendeeId">The roll call's attendee row.</param>
/// <param name="CameraName">The camera the person was called to, named in the alert.</param>
/// <param name="Deadline">When the person was due before the camera.</param>
/// <param name="MarkedAt">When the officer marked the absence.</param>
public sealed record RollCallAbsence(long AttendeeId, string CameraName, DateTimeOffset Deadline, DateTimeOffset MarkedAt);
