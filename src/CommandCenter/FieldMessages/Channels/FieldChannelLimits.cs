namespace CommandCenter.FieldMessages.Channels;

/// <summary>How long each field of a channel may be; the table's columns and the checks use the same numbers.</summary>
public static class FieldChannelLimits
{
    public const int Name = 64;
    public const int Url = 1000;
    public const int Secret = 200;
    public const int Body = 1000;
    public const int ContentType = 100;
    public const int Phone = 20;
    public const int Phones = 20;

    /// <summary>What a URL or body template may write in braces: the phone, the text, and the gateway's credential.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal) { "phone", "text", "secret" };
}
