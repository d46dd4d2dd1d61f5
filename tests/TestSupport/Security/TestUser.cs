namespace CommandCenter.TestSupport.Security;

/// <summary>An account made for a test: its credentials and, for roles that need one, its authenticator key.</summary>
public record TestUser(string UserName, string Password, string Role, string? AuthenticatorKey);
