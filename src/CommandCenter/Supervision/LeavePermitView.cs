namespace CommandCenter.Supervision;

/// <summary>A leave permit as the API shows it (the area stays in the database; the map draws it from there).</summary>
public record LeavePermitView(long Id, int SubjectId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Destination, double BufferMeters,
    string? Purpose, string? RequestedBy, int? RequestedByDeviceId, DateTimeOffset RequestedAt, bool Urgent, string? UrgentReason,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, string? RefusedBy, DateTimeOffset? RefusedAt, string? DecisionReason,
    DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static LeavePermitView Of(LeavePermit permit) => new(permit.Id, permit.SubjectId, permit.StartsAt, permit.EndsAt, permit.Destination,
        permit.BufferMeters, permit.Purpose, permit.RequestedBy, permit.RequestedByDeviceId, permit.RequestedAt, permit.Urgent, permit.UrgentReason,
        permit.ApprovedBy, permit.ApprovedAt, permit.RefusedBy, permit.RefusedAt, permit.DecisionReason, permit.RevokedAt, permit.RevokedBy);

    /// <summary>
    /// How the permit stands at <paramref name="now"/>: a revocation wins over everything (a permit revoked
    /// before it began never comes into force), then the decision, then the period, which includes its start
    /// and excludes its end.
    /// </summary>
    public LeavePermitStatus StatusAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => LeavePermitStatus.Revoked,
        { RefusedAt: not null } => LeavePermitStatus.Refused,
        { ApprovedAt: null } => LeavePermitStatus.Requested,
        _ when now < StartsAt => LeavePermitStatus.Upcoming,
        _ when now < EndsAt => LeavePermitStatus.InForce,
        _ => LeavePermitStatus.Ended,
    };
}
