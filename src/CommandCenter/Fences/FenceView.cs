using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Subjects;

namespace CommandCenter.Fences;

/// <summary>A fence as the editor and the API show it; the area is its GeoJSON geometry.</summary>
public record FenceView(
    int Id,
    string Name,
    FenceKind Kind,
    JsonElement Area,
    double BufferMeters,
    bool Immediate,
    FenceScopeKind Scope,
    int[] ScopeSubjectIds,
    RiskLevel? ScopeRiskLevel,
    int? ScopeSquadId,
    FenceScheduleFields? Schedule,
    bool Active,
    DateTimeOffset UpdatedAt);
