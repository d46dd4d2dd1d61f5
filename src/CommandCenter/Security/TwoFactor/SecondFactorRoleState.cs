namespace CommandCenter.Security.TwoFactor;

/// <summary>A desk role, whether its people must use an authenticator, and whether that is fixed (commanders, auditors).</summary>
public record SecondFactorRoleState(string Role, bool Required, bool Fixed);
