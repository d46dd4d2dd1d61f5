using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.FieldMessages;

/// <summary>Messages to the field: the channels, the daily summary, and how delivery is retried.</summary>
public class FieldMessageOptions : ICheckedOptions
{
    public const string Section = "FieldMessages";

    public List<FieldChannelOptions> Channels { get; set; } = [];

    /// <summary>The site's local time ("08:00") the daily summary goes out at; empty sends none.</summary>
    public string? DailySummaryAt { get; set; }

    /// <summary>The language of the messages (the field reads Chinese).</summary>
    [Required]
    public string Culture { get; set; } = "zh-CN";

    /// <summary>How often new alert steps are looked for and due messages delivered.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one delivery may take before it counts as failed; a hung receiver holds nothing else up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; each further retry waits twice as long, up to <see cref="LongestRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before a message is recorded as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How far back a starting node looks for alert steps not yet told; a step is told once whatever the
    /// number of nodes (each message has a unique key).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    public TimeOnly? SummaryTime => TimeOnly.TryParseExact(DailySummaryAt?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The wait before attempt number <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    public IEnumerable<OptionsProblem> Problems()
    {
        if (!string.IsNullOrWhiteSpace(DailySummaryAt) && SummaryTime is null)
        {
            yield return new OptionsProblem(nameof(DailySummaryAt), $"'{DailySummaryAt}' is not a time of day as HH:mm.");
        }

        if (!IsCulture(Culture))
        {
            yield return new OptionsProblem(nameof(Culture), $"'{Culture}' is not a culture name.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Channels.Count; i++)
        {
            foreach (var problem in Check(Channels[i], names))
            {
                yield return new OptionsProblem($"{nameof(Channels)}:{i}:{problem.Key}", problem.Message);
            }
        }
    }

    private static IEnumerable<OptionsProblem> Check(FieldChannelOptions channel, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(channel.Name) || channel.Name.Length > 64)
        {
            yield return new OptionsProblem(nameof(channel.Name), "Name the channel (at most 64 characters).");
        }
        else if (!names.Add(channel.Name))
        {
            yield return new OptionsProblem(nameof(channel.Name), $"Another channel is also called '{channel.Name}'.");
        }

        if (!Enum.IsDefined(channel.Kind))
        {
            yield return new OptionsProblem(nameof(channel.Kind), $"Kind is one of: {string.Join(", ", Enum.GetNames<FieldChannelKind>())}.");
        }

        var url = channel.Url.Replace("{phone}", "0", StringComparison.Ordinal).Replace("{text}", "0", StringComparison.Ordinal).Replace("{secret}", "0", StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new OptionsProblem(nameof(channel.Url), $"'{channel.Url}' is not an http(s) address.");
        }

        if (channel.Kind == FieldChannelKind.Sms)
        {
            if (channel.Phones.Length == 0 && !channel.SquadLeaders)
            {
                yield return new OptionsProblem(nameof(channel.Phones), "An SMS channel needs phones to send to, or SquadLeaders.");
            }

            if (!channel.Url.Contains("{text}", StringComparison.Ordinal) && channel.Body?.Contains("{text}", StringComparison.Ordinal) != true)
            {
                yield return new OptionsProblem(nameof(channel.Body), "The SMS gateway's URL or body must hold {text}.");
            }
        }
        else if (channel.Phones.Length > 0 || channel.SquadLeaders)
        {
            yield return new OptionsProblem(nameof(channel.Phones), "Only an SMS channel sends to phones.");
        }

        if (channel.Secret is { Length: > 0 } && channel.Kind == FieldChannelKind.WeComRobot)
        {
            yield return new OptionsProblem(nameof(channel.Secret), "A 企业微信 robot has no secret besides the key in its URL.");
        }
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(name) && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
