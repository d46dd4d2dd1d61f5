namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// A channel as the page and the API show it: the address with its key masked, and whether a secret is set, never
/// the secret itself.
/// </summary>
public sealed record FieldChannelView(
    int Id,
    string Name,
    string Kind,
    bool Enabled,
    string? Squad,
    string Url,
    bool SecretSet,
    IReadOnlyList<string> Phones,
    bool SquadLeaders,
    string? Body,
    string ContentType,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static FieldChannelView Of(FieldChannel channel) => new(channel.Id, channel.Name, channel.Kind.ToString(), channel.Enabled, channel.Squad,
        channel.ShownUrl, channel.ProtectedSecret is not null, channel.Phones, channel.SquadLeaders, channel.Body, channel.ContentType, channel.UpdatedAt, channel.UpdatedBy);
}
