namespace CommandCenter.Security.Users;

/// <summary>
/// A commander's edit of an account's role and squad (and display name), read field by field so that a missing or
/// wrong one is a 400 naming it. <see cref="Version"/> is the one the editor saw.
/// </summary>
public class UserEdit
{
    public string? Role { get; set; }

    public int? SquadId { get; set; }

    public string? DisplayName { get; set; }

    public string? Version { get; set; }
}
