using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// An immutable snapshot of the fences, answering "which active fences cover this point for this
/// subject at this instant" and "which fences that the subject must stay inside does this point leave".
/// Safe for any number of concurrent readers without locks; when fences change, build a new snapshot
/// and swap it in through <see cref="FenceIndexHolder"/>.
/// </summary>
/// <remarks>
/// Candidates come from an STR-tree of the fences' envelopes and are confirmed with each fence's
/// prepared geometry (an indexed point-in-area locator): covers semantics, so a point on an edge or a
/// vertex is inside. Fences that require the subject inside (inclusion, home) are also kept in lookup
/// tables by scope, because they must be reported when the point is far outside their envelope, where
/// the tree would never return them.
/// </remarks>
public sealed class FenceIndex
{
    private readonly FenceDefinition[] _fences;
    private readonly Dictionary<int, FenceDefinition> _byId;
    private readonly STRtree<FenceDefinition> _tree;

    // Fences that require the subject inside, by the scope that selects them.
    private readonly FenceDefinition[] _mustBeInsideForAll;
    private readonly Dictionary<long, FenceDefinition[]> _mustBeInsideBySubject;
    private readonly Dictionary<int, FenceDefinition[]> _mustBeInsideBySquad;
    private readonly Dictionary<int, FenceDefinition[]> _mustBeInsideByRisk;

    /// <summary>Builds a snapshot of the given fences.</summary>
    /// <param name="fences">The fences; ids must be distinct.</param>
    /// <param name="timeZone">The site's time zone, in which schedules are read.</param>
    /// <exception cref="ArgumentException">Two fences share an id.</exception>
    public FenceIndex(IEnumerable<FenceDefinition> fences, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(fences);
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
        _fences = [.. fences.OrderBy(f => f.Id)];
        _byId = new Dictionary<int, FenceDefinition>(_fences.Length);
        _tree = new STRtree<FenceDefinition>();
        foreach (var fence in _fences)
        {
            if (!_byId.TryAdd(fence.Id, fence))
            {
                throw new ArgumentException($"Two fences share the id {fence.Id}.", nameof(fences));
            }

            // Preparing here (once per definition, reused by later snapshots) keeps all lazy work off the readers.
            _tree.Insert(fence.Prepared.Envelope, fence);
        }

        // The tree builds lazily under a lock on first query; build it now so readers never lock.
        _tree.Build();

        var mustBeInside = _fences.Where(f => f.RequiresInside).ToArray();
        _mustBeInsideForAll = [.. mustBeInside.Where(f => f.Scope.Kind == FenceScopeKind.AllSubjects)];
        _mustBeInsideBySubject = mustBeInside
            .Where(f => f.Scope.Kind == FenceScopeKind.ListedSubjects)
            .SelectMany(f => f.Scope.SubjectIds, (fence, subjectId) => (fence, subjectId))
            .GroupBy(x => x.subjectId, x => x.fence)
            .ToDictionary(g => g.Key, g => g.ToArray());
        _mustBeInsideBySquad = GroupByValue(mustBeInside, FenceScopeKind.Squad, s => s.SquadId);
        _mustBeInsideByRisk = GroupByValue(mustBeInside, FenceScopeKind.RiskLevel, s => s.RiskLevel);
    }

    /// <summary>The time zone in which schedules are read.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>All fences of the snapshot, ordered by id.</summary>
    public IReadOnlyList<FenceDefinition> Fences => _fences;

    /// <summary>The number of fences.</summary>
    public int Count => _fences.Length;

    /// <summary>An index with no fences.</summary>
    public static FenceIndex Empty(TimeZoneInfo timeZone) => new([], timeZone);

    /// <summary>Finds a fence by id.</summary>
    public bool TryGet(int fenceId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FenceDefinition? fence) =>
        _byId.TryGetValue(fenceId, out fence);

    /// <summary>Evaluates a WGS-84 position of a subject at an instant into a new verdict.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is not on the globe.</exception>
    public FenceVerdict Evaluate(double longitude, double latitude, in FenceSubject subject, DateTimeOffset at)
    {
        var verdict = new FenceVerdict();
        Evaluate(longitude, latitude, subject, at, verdict);
        return verdict;
    }

    /// <summary>
    /// Evaluates a WGS-84 position of a subject at an instant into <paramref name="verdict"/>, which is
    /// cleared first. Only fences that apply to the subject (scope) and are active at the instant
    /// (schedule) take part.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is not on the globe.</exception>
    public void Evaluate(double longitude, double latitude, in FenceSubject subject, DateTimeOffset at, FenceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Wgs84.EnsureValidPosition(longitude, latitude);

        // One time-zone conversion per position; every schedule then reads the wall clock.
        var siteLocalTime = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        verdict.Begin(longitude, latitude, subject, siteLocalTime);

        // The tree tests each fence's envelope against the point; the visitor does the rest.
        _tree.Query(new Envelope(longitude, longitude, latitude, latitude), verdict.Visitor);

        verdict.AddOutsideOf(_mustBeInsideForAll);
        if (_mustBeInsideBySubject.TryGetValue(subject.SubjectId, out var forSubject))
        {
            verdict.AddOutsideOf(forSubject);
        }

        if (_mustBeInsideBySquad.TryGetValue(subject.SquadId, out var forSquad))
        {
            verdict.AddOutsideOf(forSquad);
        }

        if (_mustBeInsideByRisk.TryGetValue(subject.RiskLevel, out var forRisk))
        {
            verdict.AddOutsideOf(forRisk);
        }
    }

    /// <summary>The applicable, active fences of any kind that cover the position.</summary>
    public IReadOnlyList<FenceDefinition> Covering(double longitude, double latitude, in FenceSubject subject, DateTimeOffset at) =>
        Evaluate(longitude, latitude, subject, at).Inside;

    /// <summary>
    /// The fences that apply to a subject and are active at an instant, wherever the subject is
    /// (e.g. to learn at a curfew's start which home fence now holds).
    /// </summary>
    public IReadOnlyList<FenceDefinition> ActiveFor(in FenceSubject subject, DateTimeOffset at)
    {
        var siteLocalTime = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var active = new List<FenceDefinition>();
        foreach (var fence in _fences)
        {
            if (fence.Scope.AppliesTo(subject) && fence.Schedule.IsActiveAtLocal(siteLocalTime))
            {
                active.Add(fence);
            }
        }

        return active;
    }

    private static Dictionary<int, FenceDefinition[]> GroupByValue(
        IEnumerable<FenceDefinition> fences, FenceScopeKind kind, Func<FenceScope, int?> value) =>
        fences
            .Where(f => f.Scope.Kind == kind)
            .GroupBy(f => value(f.Scope)!.Value)
            .ToDictionary(g => g.Key, g => g.ToArray());
}
