namespace CommandCenter.RollCalls;

/// <summary>A roll call as the desk and the API show it: the camera, the time allowed and the people called (by case number).</summary>
public record RollCallView(
    long Id, int CameraId, string CameraCode, string CameraName, double CameraLatitude, double CameraLongitude, string CalledBy,
    DateTimeOffset CalledAt, DateTimeOffset Deadline, IReadOnlyList<RollCallAttendeeView> Attendees);
