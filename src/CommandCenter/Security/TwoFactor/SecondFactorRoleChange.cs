namespace CommandCenter.Security.TwoFactor;

/// <summary>A commander's change: whether a desk role must use an authenticator.</summary>
public class SecondFactorRoleChange
{
    public bool? Required { get; set; }
}
