using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kit;

/// <summary>
/// Collects what is wrong with a record, field by field (fields named as in the JSON API), in the
/// user's language. The same checks serve the forms and the API, so neither can store what the other refuses.
/// </summary>
public sealed class RecordChecks(IStringLocalizer<UiText> text, DateOnly today, IReadOnlySet<int> squads)
{
    /// <summary>Nothing the brigade records predates the Community Corrections pilot years.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    private readonly FieldErrors errors = new();

    public bool IsValid => errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary();

    public void Fail(string field, string messageKey, params object[] arguments) => errors.Add(field, text[messageKey, arguments]);

    public void Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(field, "Validation.Required");
            }
        }
        else if (value.Length > maxLength)
        {
            Fail(field, "Validation.TooLong", maxLength);
        }
    }

    public void Range(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Fail(field, "Validation.Range", min, max);
        }
    }

    /// <summary>A record is dated on a day that has happened: not in the future, not before <see cref="Earliest"/>.</summary>
    public void Day(string field, DateOnly day)
    {
        if (day > today)
        {
            Fail(field, "Validation.Future", today.ToString("yyyy-MM-dd"));
        }
        else if (day < Earliest)
        {
            Fail(field, "Validation.TooEarly", Earliest.ToString("yyyy-MM-dd"));
        }
    }

    public void NotBefore(string field, DateOnly day, string otherField, DateOnly other)
    {
        if (day < other)
        {
            Fail(field, "Validation.BeforeOther", otherField, other.ToString("yyyy-MM-dd"));
        }
    }

    public void Squad(string field, int? squadId)
    {
        if (squadId is { } id && !squads.Contains(id))
        {
            Fail(field, "Validation.UnknownSquad", id);
        }
    }

    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Fail(field, "Validation.UnknownValue", value);
        }
    }
}
