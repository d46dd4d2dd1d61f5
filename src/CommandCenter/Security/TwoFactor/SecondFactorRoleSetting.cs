namespace CommandCenter.Security.TwoFactor;

/// <summary>A commander's decision that everyone holding a desk role must sign in with an authenticator.</summary>
public class SecondFactorRoleSetting
{
    public string Role { get; set; } = string.Empty;

    public bool Required { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;
}
