using CommandCenter.Live;

namespace CommandCenter.AlertLog;

/// <summary>How an action ended: the alert as it now is, or the status and reason it was refused.</summary>
public record AlertStepOutcome(AlertMessage? Alert, int Status, string? Refusal)
{
    public static AlertStepOutcome Done(AlertMessage alert) => new(alert, StatusCodes.Status200OK, null);

    public static AlertStepOutcome Refused(int status, string reason) => new(null, status, reason);
}
