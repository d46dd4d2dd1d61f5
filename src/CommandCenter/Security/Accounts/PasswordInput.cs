namespace CommandCenter.Security.Accounts;

/// <summary>The password form: the current password (not asked when a commander set it), the new one twice.</summary>
public class PasswordInput
{
    public string? Current { get; set; }

    public string? New { get; set; }

    public string? Repeat { get; set; }
}
