namespace CommandCenter.Supervision;

/// <summary>A stretch of leave the limits count: from its start (included) to its end (excluded).</summary>
public readonly record struct LeavePeriod(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>The days of leave an approved permit has used or will use: up to its revocation when it was revoked; none when revoked before it began.</summary>
    public static LeavePeriod? Counted(LeavePermit permit) => permit switch
    {
        { ApprovedAt: null } => null,
        { RevokedAt: { } revoked } when revoked <= permit.StartsAt => null,
        { RevokedAt: { } revoked } when revoked < permit.EndsAt => new LeavePeriod(permit.StartsAt, revoked),
        _ => new LeavePeriod(permit.StartsAt, permit.EndsAt),
    };
}
