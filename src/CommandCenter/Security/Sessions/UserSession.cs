namespace CommandCenter.Security.Sessions;

/// <summary>
/// One sign-in, keyed by the session id its cookie carries. The cookie alone cannot be taken back once
/// copied; this row can, and every app node reads it, so signing out or a commander's revocation ends the
/// session everywhere.
/// </summary>
public class UserSession
{
    public const int IdLength = 32;

    public required string Id { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }

    /// <summary>The demo link that let a visitor in, so that revoking the link ends the visit.</summary>
    public int? DemoLinkId { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Set for the long sign-ins (the wall, a demo link); a desk session ends by idling out instead.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public string? RemoteAddress { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
