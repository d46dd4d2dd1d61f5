using CommandCenter.Devices;

namespace CommandCenter.ProtectedPeople;

/// <summary>The result of a change to a protected person: the person (and the phone's key, when one was issued), or why nothing was stored.</summary>
public sealed record ProtectedPersonOutcome(DeviceOutcomeKind Kind, ProtectedPersonRow? Person = null, string? Key = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static readonly ProtectedPersonOutcome NotFound = new(DeviceOutcomeKind.NotFound);

    public static ProtectedPersonOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(DeviceOutcomeKind.Invalid, Errors: errors);

    public static ProtectedPersonOutcome Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProtectedPersonOutcome Conflict(string field, string message) => new(DeviceOutcomeKind.Conflict, Errors: new Dictionary<string, string[]> { [field] = [message] });
}
