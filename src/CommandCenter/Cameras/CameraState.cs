namespace CommandCenter.Cameras;

/// <summary>What a screen shows for a camera: its picture, or why there is none.</summary>
public enum CameraState
{
    /// <summary>No stream or snapshot link: the camera is not connected to the video platform.</summary>
    NotConnected,

    /// <summary>Links exist but have not been probed yet (the app just started, or the link just changed).</summary>
    Checking,

    Live,

    /// <summary>The last probe failed; shown with the time the signal was lost.</summary>
    NoSignal,
}
