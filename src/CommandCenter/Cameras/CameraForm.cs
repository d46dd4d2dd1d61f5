namespace CommandCenter.Cameras;

/// <summary>The editable fields of the registry form.</summary>
public class CameraForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? StreamUrl { get; set; }
    public string? SnapshotUrl { get; set; }
    public uint? Version { get; set; }

    public CameraInput ToInput() => new(Code, Name, Latitude, Longitude, StreamUrl, SnapshotUrl, Online: null, Version);
}
