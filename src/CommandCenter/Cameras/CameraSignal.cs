namespace CommandCenter.Cameras;

/// <summary>
/// What the last probe of a camera's links found. <paramref name="Live"/> when every link answered with what it
/// should (a playlist, a JPEG); otherwise <paramref name="LostAt"/> is the first failed probe since the camera
/// was last seen live (or since probing began), which the screens show as "no signal since".
/// </summary>
public sealed record CameraSignal(bool Live, DateTimeOffset CheckedAt, DateTimeOffset? LostAt);
