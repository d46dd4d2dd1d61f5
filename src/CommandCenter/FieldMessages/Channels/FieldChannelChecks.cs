using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CommandCenter.Kit;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// The rules a channel must meet before it is stored, each problem under the field it concerns (the names of the
/// API's body). The messages are in English for scripts; the page says them in the reader's language by field.
/// </summary>
public static partial class FieldChannelChecks
{
    /// <summary>Checks a channel as it would be stored: its address and secret in the clear, as the courier will use them.</summary>
    public static FieldErrors Check(FieldChannelOptions channel, bool kindGiven, IReadOnlySet<string> squadCodes, IReadOnlySet<string> takenNames)
    {
        var errors = new FieldErrors();
        CheckName(channel.Name, takenNames, errors);
        if (!kindGiven)
        {
            errors.Add("kind", $"Kind is one of: {string.Join(", ", Enum.GetNames<FieldChannelKind>())}.");
        }

        if (!string.IsNullOrEmpty(channel.Squad) && channel.Squad != FieldChannelOptions.EverySquad && !squadCodes.Contains(channel.Squad))
        {
            errors.Add("squad", $"'{Shorten(channel.Squad)}' is not a squad's code (leave it empty for the commander's channel, or * for every squad).");
        }

        CheckUrl(channel, errors);
        if (channel.Secret is { } secret && (secret.Length > FieldChannelLimits.Secret || HasControl(secret)))
        {
            errors.Add("secret", $"The secret is one line of at most {FieldChannelLimits.Secret} characters.");
        }
        else if (channel.Secret is { Length: > 0 } && channel.Kind == FieldChannelKind.WeComRobot)
        {
            errors.Add("secret", "A 企业微信 robot has no secret besides the key in its URL.");
        }

        if (channel.Kind == FieldChannelKind.Sms)
        {
            CheckSms(channel, errors);
        }
        else if (channel.Phones.Length > 0 || channel.SquadLeaders || !string.IsNullOrEmpty(channel.Body))
        {
            errors.Add(channel.Body is { Length: > 0 } ? "body" : "phones", "Only an SMS channel has phones, squad leaders and a body.");
        }

        return errors;
    }

    private static void CheckName(string name, IReadOnlySet<string> takenNames, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > FieldChannelLimits.Name || HasControl(name))
        {
            errors.Add("name", $"Name the channel on one line (1 to {FieldChannelLimits.Name} characters).");
        }
        else if (takenNames.Contains(name))
        {
            errors.Add("name", "Another channel has this name.");
        }
    }

    private static void CheckUrl(FieldChannelOptions channel, FieldErrors errors)
    {
        if (channel.Url.Length > FieldChannelLimits.Url || HasControl(channel.Url))
        {
            errors.Add("url", $"The address is one line of at most {FieldChannelLimits.Url} characters.");
            return;
        }

        var unknown = Placeholders(channel.Url).Where(p => channel.Kind != FieldChannelKind.Sms || !FieldChannelLimits.Placeholders.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("url", channel.Kind == FieldChannelKind.Sms
                ? $"The URL template may hold only {{phone}}, {{text}} and {{secret}}, not {{{Shorten(unknown[0])}}}."
                : "A robot's webhook is an address without placeholders.");
            return;
        }

        var filled = PlaceholderPattern().Replace(channel.Url, "0");
        if (!Uri.TryCreate(filled, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add("url", "Give an http:// or https:// address.");
        }
    }

    private static void CheckSms(FieldChannelOptions channel, FieldErrors errors)
    {
        if (channel.Phones.Length > FieldChannelLimits.Phones || channel.Phones.Any(p => !PhonePattern().IsMatch(p)))
        {
            errors.Add("phones", $"Give at most {FieldChannelLimits.Phones} phone numbers, each of digits (a leading + and - allowed), 3 to {FieldChannelLimits.Phone} characters.");
        }
        else if (channel.Phones.Length == 0 && !channel.SquadLeaders)
        {
            errors.Add("phones", "An SMS channel needs phones to send to, or the squad leaders.");
        }

        var body = channel.Body ?? string.Empty;
        if (body.Length > FieldChannelLimits.Body)
        {
            errors.Add("body", $"The body template has at most {FieldChannelLimits.Body} characters.");
        }
        else if (Placeholders(body).FirstOrDefault(p => !FieldChannelLimits.Placeholders.Contains(p)) is { } unknown)
        {
            errors.Add("body", $"The body template may hold only {{phone}}, {{text}} and {{secret}}, not {{{Shorten(unknown)}}}.");
        }
        else if (!channel.Url.Contains("{text}", StringComparison.Ordinal) && !body.Contains("{text}", StringComparison.Ordinal))
        {
            errors.Add("body", "The SMS gateway's URL or body must hold {text}.");
        }

        if (channel.ContentType.Length > FieldChannelLimits.ContentType || !MediaTypeHeaderValue.TryParse(channel.ContentType, out _))
        {
            errors.Add("contentType", "Give a content type such as application/json or application/x-www-form-urlencoded.");
        }
    }

    private static IEnumerable<string> Placeholders(string template) => PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value);

    private static bool HasControl(string text) => text.Any(char.IsControl);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40];

    [GeneratedRegex(@"\{([^{}""\s]{0,40})\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9\-]{2,19}$")]
    private static partial Regex PhonePattern();
}
