using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of approving, refusing, withdrawing or revoking a leave permit: why (optional only to approve).</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record LeaveStepRequest
{
    [JsonPropertyName("reason")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? Reason { get; init; }
}
