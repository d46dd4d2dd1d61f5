using System.Collections.Frozen;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// The subjects a fence applies to: all of them, a list, a risk level or a squad. Immutable.
/// </summary>
public sealed class FenceScope : IEquatable<FenceScope>
{
    private FenceScope(FenceScopeKind kind, FrozenSet<long> subjectIds, int value)
    {
        Kind = kind;
        SubjectIds = subjectIds;
        Value = value;
    }

    /// <summary>The scope that applies to every subject.</summary>
    public static FenceScope AllSubjects { get; } = new(FenceScopeKind.AllSubjects, FrozenSet<long>.Empty, 0);

    /// <summary>What kind of scope this is.</summary>
    public FenceScopeKind Kind { get; }

    /// <summary>The listed subjects (empty unless <see cref="Kind"/> is <see cref="FenceScopeKind.ListedSubjects"/>).</summary>
    public IReadOnlySet<long> SubjectIds { get; }

    /// <summary>The risk level, when <see cref="Kind"/> is <see cref="FenceScopeKind.RiskLevel"/>.</summary>
    public int? RiskLevel => Kind == FenceScopeKind.RiskLevel ? Value : null;

    /// <summary>The squad id, when <see cref="Kind"/> is <see cref="FenceScopeKind.Squad"/>.</summary>
    public int? SquadId => Kind == FenceScopeKind.Squad ? Value : null;

    // The risk level or the squad id, whichever the kind names.
    private int Value { get; }

    /// <summary>A scope of listed subjects.</summary>
    /// <exception cref="ArgumentException">The list is empty: a fence that applies to nobody is a mistake, not a scope.</exception>
    public static FenceScope ListedSubjects(IEnumerable<long> subjectIds)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var set = subjectIds.ToFrozenSet();
        if (set.Count == 0)
        {
            throw new ArgumentException("A listed-subjects scope needs at least one subject.", nameof(subjectIds));
        }

        return new FenceScope(FenceScopeKind.ListedSubjects, set, 0);
    }

    /// <summary>A scope of every subject at one risk level.</summary>
    public static FenceScope ForRiskLevel(int riskLevel) => new(FenceScopeKind.RiskLevel, FrozenSet<long>.Empty, riskLevel);

    /// <summary>A scope of every subject of one squad.</summary>
    public static FenceScope ForSquad(int squadId) => new(FenceScopeKind.Squad, FrozenSet<long>.Empty, squadId);

    /// <summary>Whether the fence applies to this subject.</summary>
    public bool AppliesTo(in FenceSubject subject) => Kind switch
    {
        FenceScopeKind.AllSubjects => true,
        FenceScopeKind.ListedSubjects => SubjectIds.Contains(subject.SubjectId),
        FenceScopeKind.RiskLevel => subject.RiskLevel == Value,
        FenceScopeKind.Squad => subject.SquadId == Value,
        _ => false,
    };

    /// <inheritdoc />
    public bool Equals(FenceScope? other) =>
        other is not null && Kind == other.Kind && Value == other.Value && SubjectIds.SetEquals(other.SubjectIds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FenceScope);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Value, SubjectIds.Count);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FenceScopeKind.ListedSubjects => $"subjects {string.Join(",", SubjectIds.Order())}",
        FenceScopeKind.RiskLevel => $"risk level {Value}",
        FenceScopeKind.Squad => $"squad {Value}",
        _ => "all subjects",
    };
}
