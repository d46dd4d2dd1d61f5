namespace CommandCenter.DemoView;

/// <summary>A signed link handed to a delegation; the token carries its id, this row whether it still opens the view.</summary>
public class DemoLink
{
    public const int NameLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public int Uses { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
