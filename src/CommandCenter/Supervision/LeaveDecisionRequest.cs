using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of approving or refusing a leave permit: why (required to refuse, optional to approve).</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record LeaveDecisionRequest
{
    [JsonPropertyName("reason")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? Reason { get; init; }
}
