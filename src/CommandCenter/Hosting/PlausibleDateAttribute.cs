using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommandCenter.Hosting;

/// <summary>
/// Refuses a DateOnly, DateTimeOffset, DateTime or yyyy-MM-dd text outside <see cref="PlausibleDates"/>. The clock is the
/// injected <see cref="TimeProvider"/>, read from the validation's services, so tests that move time move the range.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider
            ?? throw new InvalidOperationException("A plausible date is checked against the site's clock; validate with the request's services.");
        var plausible = value switch
        {
            null => true,
            DateOnly day => PlausibleDates.Contains(day, time),
            DateTimeOffset instant => PlausibleDates.Contains(instant, time),
            DateTime instant => PlausibleDates.Contains(DateOnly.FromDateTime(instant), time),
            // Text that is no date is the reader's to refuse, with its own message.
            string text => !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || PlausibleDates.Contains(day, time),
            _ => false,
        };
        return plausible
            ? ValidationResult.Success
            : new ValidationResult(PlausibleDates.Explain(time), validationContext.MemberName is { } member ? [member] : null);
    }
}
