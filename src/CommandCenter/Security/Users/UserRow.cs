namespace CommandCenter.Security.Users;

/// <summary>An account as the users page and <c>GET /api/v1/users</c> show it; <see cref="Version"/> must come back with an edit.</summary>
public record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string? Role,
    int? SquadId,
    bool Enabled,
    DateTimeOffset? LockedUntil,
    bool SecondFactorEnrolled,
    bool MustChangePassword,
    DateTimeOffset? LastSignInAt,
    string Version);
