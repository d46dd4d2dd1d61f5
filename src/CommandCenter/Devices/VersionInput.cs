namespace CommandCenter.Devices;

/// <summary>The version of the record a change was made against (retiring, rotating a key).</summary>
public class VersionInput
{
    public uint? Version { get; set; }
}
