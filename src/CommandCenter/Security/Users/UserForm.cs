namespace CommandCenter.Security.Users;

/// <summary>The fields of the users page's forms (a new account, or the edit of one).</summary>
public class UserForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public int? SquadId { get; set; }

    public string? Password { get; set; }
}
