namespace CommandCenter.Cameras;

/// <summary>How retiring or deleting a camera ended.</summary>
public enum CameraChangeKind
{
    Done,
    NotFound,
    Stale,
    Referenced,
}
