using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Site;

/// <summary>
/// Refuses a DateOnly, DateTimeOffset or DateTime outside <see cref="PlausibleDates"/>. The clock is the
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
            _ => false,
        };
        return plausible
            ? ValidationResult.Success
            : new ValidationResult(PlausibleDates.Explain(time), validationContext.MemberName is { } member ? [member] : null);
    }
}
