namespace CommandCenter.RollCalls;

/// <summary>A roll call a person still has to attend: the camera's name and place, and when they are due before it.</summary>
public record PendingRollCall(long Id, string CameraName, double CameraLatitude, double CameraLongitude, DateTimeOffset Deadline);
