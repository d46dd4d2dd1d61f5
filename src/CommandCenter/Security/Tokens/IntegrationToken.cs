namespace CommandCenter.Security.Tokens;

/// <summary>A bearer token for another system (a Traccar forwarder, a reporting system), held to one role. Only its hash is stored.</summary>
public class IntegrationToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string TokenHash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
