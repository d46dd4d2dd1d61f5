namespace CommandCenter.Security.Accounts;

/// <summary>The JSON of an account request, every field optional so that a missing one is named by the check rather than by a binder.</summary>
public class NewAccountBody
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public int? SquadId { get; set; }

    public string? Password { get; set; }

    public NewAccount ToAccount() => new(UserName ?? string.Empty, DisplayName ?? string.Empty, Role ?? string.Empty, SquadId, Password ?? string.Empty);
}
