namespace CommandCenter.FieldMessages;

/// <summary>One channel to the field: a group robot or an SMS gateway, the commander's or one squad's.</summary>
public class FieldChannelOptions
{
    /// <summary>The <see cref="Squad"/> of a channel that hears of every squad's dispatches and critical alerts.</summary>
    public const string EverySquad = "*";

    /// <summary>A short name, unique among the channels; messages are recorded under it.</summary>
    public string Name { get; set; } = string.Empty;

    public FieldChannelKind Kind { get; set; }

    /// <summary>
    /// The robot's webhook address (with its key or access_token), or the SMS gateway's URL template, where
    /// {phone} and {text} are replaced, URL-encoded.
    /// </summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// A 钉钉 robot's signing secret (SEC...); when set every request carries timestamp and sign. For an SMS gateway,
    /// its credential, put where the URL or body template writes {secret}.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The code of the squad whose channel this is: it hears of dispatches to that squad and of its critical
    /// alerts nobody acknowledged; "*" for every squad's. Empty for the commander's channel: escalations and the daily summary.
    /// </summary>
    public string? Squad { get; set; }

    /// <summary>The phones an SMS channel sends to (the commander's, or the squad's people).</summary>
    public string[] Phones { get; set; } = [];

    /// <summary>An SMS channel that also texts the duty phone of the squad sent to an alert.</summary>
    public bool SquadLeaders { get; set; }

    /// <summary>
    /// The SMS request's body, with {phone} and {text} replaced (escaped for JSON when the content type is JSON,
    /// URL-encoded when it is a form); empty sends a GET with everything in the URL.
    /// </summary>
    public string? Body { get; set; }

    public string ContentType { get; set; } = "application/json";

    public bool IsCommanders => string.IsNullOrWhiteSpace(Squad);
}
