using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Phone;

/// <summary>The text fields of a spot check's answer (multipart/form-data, beside the JPEG in <c>photo</c>): the phone's current fix in WGS-84.</summary>
public class AnswerForm
{
    [Required, Range(-180, 180)]
    public double? Longitude { get; set; }

    [Required, Range(-90, 90)]
    public double? Latitude { get; set; }

    [Range(0, 100_000)]
    public double? Accuracy { get; set; }
}
