using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Security.Accounts;

/// <summary>An account to create: one role, a squad for a squad leader, and an initial password that meets the policy, to be
/// replaced at the first sign-in when a commander chose it.</summary>
public record NewAccount(
    [property: Required, StringLength(64, MinimumLength = 3)] string UserName,
    [property: Required, StringLength(64)] string DisplayName,
    [property: Required] string Role,
    int? SquadId,
    [property: Required, StringLength(128, MinimumLength = 12)] string Password,
    bool MustChangePassword = false);
