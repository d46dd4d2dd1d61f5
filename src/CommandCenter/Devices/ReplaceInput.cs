using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Devices;

/// <summary>The device that takes a retired one's place: its serial and, if it differs, its kind; with the old one's version.</summary>
public class ReplaceInput
{
    [StringLength(200)]
    public string? Serial { get; set; }

    [StringLength(32)]
    public string? Kind { get; set; }

    public uint? Version { get; set; }
}
