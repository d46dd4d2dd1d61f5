namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// A channel to the field a commander set up on the settings side. What would let someone else post to the group
/// or use the gateway (the webhook's whole address, 钉钉's signing secret, the SMS credential) is kept only
/// encrypted with the site's Data Protection keys; <see cref="ShownUrl"/> is the address with its key masked.
/// </summary>
public class FieldChannel
{
    public int Id { get; set; }

    /// <summary>Unique among the channels (those of the configuration file too); messages are recorded under it.</summary>
    public required string Name { get; set; }

    public FieldChannelKind Kind { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Null for the commander's channel; a squad's code; <see cref="FieldChannelOptions.EverySquad"/> for every squad.</summary>
    public string? Squad { get; set; }

    public string[] Phones { get; set; } = [];

    public bool SquadLeaders { get; set; }

    /// <summary>The address as the page shows it: the values of key, access_token and the like replaced by ***.</summary>
    public required string ShownUrl { get; set; }

    public required string ProtectedUrl { get; set; }

    public string? ProtectedSecret { get; set; }

    /// <summary>The SMS body template; a credential goes in the secret, written {secret}, never here.</summary>
    public string? Body { get; set; }

    public string ContentType { get; set; } = "application/json";

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
