namespace CommandCenter.Security.Users;

/// <summary>The commander making a change: who (for the rules about one's own account and the audit), and from where.</summary>
public record UserActor(string Id, string Name, string? RemoteAddress);
