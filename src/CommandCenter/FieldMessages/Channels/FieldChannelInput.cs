using System.Text.Json.Serialization;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// The body that adds or changes a channel. On a change, a null <see cref="Url"/> or <see cref="Secret"/> keeps what is
/// stored (the page never has them to send back) and an empty secret removes it.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FieldChannelInput
{
    public string? Name { get; set; }

    /// <summary>WeComRobot, DingTalkRobot or Sms.</summary>
    public string? Kind { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Null or empty: the commander's (escalations, critical alerts nobody acknowledged, the daily summary); a squad's code; "*" every squad's.</summary>
    public string? Squad { get; set; }

    /// <summary>The robot's webhook with its key or access_token, or the SMS gateway's URL template ({phone}, {text}, {secret}).</summary>
    public string? Url { get; set; }

    /// <summary>钉钉's signing secret (SEC...), or the SMS gateway's credential that its templates write as {secret}.</summary>
    public string? Secret { get; set; }

    public List<string>? Phones { get; set; }

    /// <summary>An SMS channel that also texts the duty phone of the squad sent to an alert.</summary>
    public bool SquadLeaders { get; set; }

    /// <summary>The SMS request's body template ({phone}, {text}, {secret}); empty sends a GET.</summary>
    public string? Body { get; set; }

    public string? ContentType { get; set; }
}
