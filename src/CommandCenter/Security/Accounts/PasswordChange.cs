namespace CommandCenter.Security.Accounts;

/// <summary>The JSON of a person's own password change.</summary>
public class PasswordChange
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }
}
