namespace CommandCenter.Devices;

/// <summary>The subject a device passes to, with the version of the device the change was made against.</summary>
public class AssignInput
{
    public int? SubjectId { get; set; }

    public uint? Version { get; set; }
}
