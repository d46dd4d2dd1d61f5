using NetTopologySuite.Index;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// What the fence index found for one position of one subject at one instant, among the fences that
/// apply to the subject and are active then. A verdict may be reused across lookups on one thread
/// (each lookup clears it) so that a batch evaluates without allocating lists.
/// </summary>
public sealed class FenceVerdict
{
    private readonly List<FenceDefinition> _inside = [];
    private readonly List<FenceDefinition> _outside = [];
    private readonly CandidateVisitor _visitor;

    /// <summary>Creates an empty verdict, ready to be filled by <see cref="FenceIndex.Evaluate(double, double, in FenceSubject, DateTimeOffset, FenceVerdict)"/>.</summary>
    public FenceVerdict() => _visitor = new CandidateVisitor(this);

    /// <summary>
    /// Every applicable, active fence of any kind whose effective area covers the position (the boundary
    /// counts as inside). For exclusion fences this is the list of forbidden areas entered.
    /// </summary>
    public IReadOnlyList<FenceDefinition> Inside => _inside;

    /// <summary>
    /// Every applicable, active fence that requires the subject inside (inclusion and home) whose
    /// effective area does not cover the position, including those whose envelope is far away.
    /// Exclusion fences the subject is outside of are not listed: that is where they should be.
    /// </summary>
    public IReadOnlyList<FenceDefinition> Outside => _outside;

    /// <summary>Whether no applicable, active fence is breached.</summary>
    public bool IsCompliant => _outside.Count == 0 && !_inside.Exists(f => f.Kind == FenceKind.Exclusion);

    /// <summary>The breached fences: exclusion fences entered, then inclusion and home fences left.</summary>
    public IEnumerable<FenceDefinition> Breaches => _inside.Where(f => f.Kind == FenceKind.Exclusion).Concat(_outside);

    /// <summary>Whether the position is inside the fence with this id (among the applicable, active ones).</summary>
    public bool IsInside(int fenceId) => _inside.Exists(f => f.Id == fenceId);

    internal CandidateVisitor Visitor => _visitor;

    internal void Begin(double longitude, double latitude, in FenceSubject subject, DateTime siteLocalTime)
    {
        _inside.Clear();
        _outside.Clear();
        _visitor.Longitude = longitude;
        _visitor.Latitude = latitude;
        _visitor.Subject = subject;
        _visitor.SiteLocalTime = siteLocalTime;
    }

    internal void AddOutsideOf(FenceDefinition[] mustBeInside)
    {
        double longitude = _visitor.Longitude;
        double latitude = _visitor.Latitude;
        var localTime = _visitor.SiteLocalTime;
        foreach (var fence in mustBeInside)
        {
            if (!fence.Schedule.IsActiveAtLocal(localTime))
            {
                continue;
            }

            // A fence whose envelope covers the position was already tested as a tree candidate, with
            // the same scope and schedule; only those found covering are in _inside.
            if (!fence.Prepared.Envelope.Covers(longitude, latitude) || !_inside.Contains(fence))
            {
                _outside.Add(fence);
            }
        }
    }

    /// <summary>Tests the tree's candidates (envelope hits) for scope, schedule and exact coverage.</summary>
    internal sealed class CandidateVisitor(FenceVerdict verdict) : IItemVisitor<FenceDefinition>
    {
        public double Longitude { get; set; }

        public double Latitude { get; set; }

        public FenceSubject Subject { get; set; }

        public DateTime SiteLocalTime { get; set; }

        public void VisitItem(FenceDefinition fence)
        {
            var subject = Subject;
            if (fence.Scope.AppliesTo(in subject)
                && fence.Schedule.IsActiveAtLocal(SiteLocalTime)
                && fence.Prepared.Covers(Longitude, Latitude))
            {
                verdict._inside.Add(fence);
            }
        }
    }
}
