using System.Globalization;

namespace CommandCenter.Hosting.Tuning;

/// <summary>
/// One setting a site may change while it runs. <see cref="Key"/> is its configuration key (e.g.
/// <c>Alerts:OfflineAfter:Bracelet</c>); the label is a resource key formatted with the resource keys in
/// <see cref="LabelArguments"/>, so the page never composes a sentence itself.
/// </summary>
public sealed record TunableField(string Key, TunableKind Kind, string Group, string LabelKey, IReadOnlyList<string> LabelArguments, IReadOnlyList<string> Choices)
{
    public static TunableField Of(string key, TunableKind kind, string group, string labelKey, params string[] labelArguments) =>
        new(key, kind, group, labelKey, labelArguments, []);

    public static TunableField OneOf<TEnum>(string key, string group, string labelKey, params string[] labelArguments)
        where TEnum : struct, Enum =>
        new(key, TunableKind.Choice, group, labelKey, labelArguments, Enum.GetNames<TEnum>());

    /// <summary>The longest text a <see cref="TunableKind.Text"/> setting takes: a name that fits a header line.</summary>
    public const int MaxTextLength = 40;

    /// <summary>Whether the text can be bound to this setting at all; ranges and consistency are the options' own checks.</summary>
    public bool Accepts(string value) => Kind switch
    {
        TunableKind.Whole => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        TunableKind.Duration => TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out _),
        TunableKind.TimeOfDay => TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        TunableKind.Switch => value is "true" or "false",
        TunableKind.Choice => Choices.Contains(value, StringComparer.Ordinal),
        TunableKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        TunableKind.Text => value.Length is > 0 and <= MaxTextLength && !value.Any(char.IsControl),
        _ => false,
    };
}
