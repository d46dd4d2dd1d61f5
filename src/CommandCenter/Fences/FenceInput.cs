using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Subjects;

namespace CommandCenter.Fences;

/// <summary>
/// A fence to add or change, as the API and the editor send it. The area is a GeoJSON Polygon or
/// MultiPolygon (WGS-84 longitude, latitude); a null schedule means always active. A change may name
/// the version it was made from (the fence's updatedAt as read), so that it cannot silently undo
/// somebody else's change made meanwhile.
/// </summary>
[ValidatableType]
public record FenceInput(
    [property: StringLength(FenceChecks.MaxNameLength)] string? Name,
    FenceKind? Kind,
    JsonElement? Area,
    double? BufferMeters = 0,
    bool? Immediate = false,
    FenceScopeKind? Scope = FenceScopeKind.AllSubjects,
    [property: MaxLength(FenceInput.MaxListedSubjects)] int[]? ScopeSubjectIds = null,
    RiskLevel? ScopeRiskLevel = null,
    int? ScopeSquadId = null,
    FenceScheduleFields? Schedule = null,
    bool? Active = null,
    DateTimeOffset? ExpectedUpdatedAt = null)
{
    /// <summary>More people than a county supervises at once is no list but a mistake.</summary>
    public const int MaxListedSubjects = 2000;
}
