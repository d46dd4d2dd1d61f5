using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.AlertLog;

/// <summary>The body of resolve: the disposition (NoViolation, DeviceFault, Admonition 训诫, Warning 警告, RevocationProposal 提请撤销) and a note.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record ResolveRequest
{
    [JsonPropertyName("disposition")]
    public Disposition? Disposition { get; init; }

    [JsonPropertyName("note")]
    [StringLength(AlertActions.MaxNoteLength)]
    public string? Note { get; init; }
}
