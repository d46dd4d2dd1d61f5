using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Devices;

/// <summary>A device to enrol: its serial, its kind (Bracelet, Phone, TraccarClient) and the subject who carries it.</summary>
public class EnrolInput
{
    [StringLength(200)]
    public string? Serial { get; set; }

    [StringLength(32)]
    public string? Kind { get; set; }

    public int? SubjectId { get; set; }
}
