namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// A protected person (双向定位) a subject must keep away from: the radius of the moving exclusion zone around them,
/// the larger radius of the early warning, and where their phone last reported.
/// </summary>
/// <param name="PersonId">The protected person; the rules never name them further.</param>
/// <param name="ExclusionMetres">Within this distance the subject breaches the zone (<c>ProtectedPersonBreach</c>).</param>
/// <param name="WarningMetres">Within this larger distance the early warning is raised (<c>ProtectedPersonNear</c>).</param>
/// <param name="Position">The person's newest fix, if their phone has reported.</param>
public sealed record ProtectedPersonLink(int PersonId, double ExclusionMetres, double WarningMetres, LastFix? Position);
