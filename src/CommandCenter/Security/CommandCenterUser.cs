using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security;

/// <summary>A person who signs in: one role, and for a squad leader the squad they lead.</summary>
public class CommandCenterUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The squad of a squad leader; null for everybody else.</summary>
    public int? SquadId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The latest TOTP time step this person has signed in with. A code is accepted only for a later step, by a
    /// conditional UPDATE, so a code seen over a shoulder or replayed to a second app node is refused.
    /// </summary>
    public long? LastTotpStep { get; set; }

    /// <summary>Set when a commander gave this person a password (a new account, a reset): no session is issued until they choose their own.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When a commander disabled the account; a disabled account cannot sign in and holds no session.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
