using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using CommandCenter.Subjects;

namespace CommandCenter.Fences;

/// <summary>
/// The way back from the engine's form of a fence (as GeoJSON import reads it) to the stored one;
/// <see cref="FenceCatalog.ToDefinition"/> is the way there.
/// </summary>
public static class GeofenceDefinitions
{
    /// <summary>The stored form, or why the fence cannot be stored (the table keeps one date range per fence).</summary>
    public static (Geofence? Fence, string? Problem) ToGeofence(FenceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Schedule.DateRanges.Count > 1)
        {
            return (null, $"the schedule has {definition.Schedule.DateRanges.Count} date ranges; a fence keeps one (split it into one fence per range)");
        }

        if (definition.Scope.RiskLevel is { } level && !Enum.IsDefined((RiskLevel)level))
        {
            return (null, $"scope.riskLevel {level} is not a risk level (0 high, 1 medium, 2 low)");
        }

        if (definition.Scope.SubjectIds.Any(id => id is <= 0 or > int.MaxValue))
        {
            return (null, "scope.subjects holds an id that no subject can have");
        }

        var schedule = definition.Schedule;
        var range = schedule.DateRanges is [var only] ? only : (DateRange?)null;
        return (new Geofence
        {
            Name = definition.Name.Trim(),
            Kind = definition.Kind switch
            {
                FenceKind.Exclusion => FenceKind.Exclusion,
                FenceKind.Home => FenceKind.Home,
                _ => FenceKind.Inclusion,
            },
            Area = definition.Geometry,
            BufferMeters = definition.BufferMetres,
            Immediate = definition.Immediate,
            Scope = definition.Scope.Kind switch
            {
                FenceScopeKind.ListedSubjects => FenceScopeKind.ListedSubjects,
                FenceScopeKind.RiskLevel => FenceScopeKind.RiskLevel,
                FenceScopeKind.Squad => FenceScopeKind.Squad,
                _ => FenceScopeKind.AllSubjects,
            },
            ScopeSubjectIds = [.. definition.Scope.SubjectIds.Order().Select(id => (int)id)],
            ScopeRiskLevel = definition.Scope.RiskLevel is { } risk ? (RiskLevel)risk : null,
            ScopeSquadId = definition.Scope.SquadId,
            Schedule = schedule.IsAlways ? null : new GeofenceSchedule
            {
                From = range?.From is { } from && from != DateOnly.MinValue ? from : null,
                To = range?.To is { } to && to != DateOnly.MaxValue ? to : null,
                Windows = [.. schedule.Windows.Select(w => new WeeklyWindow { Days = [.. w.Days], Start = w.Start, End = w.End })],
            },
        }, null);
    }
}
