namespace CommandCenter.Reports;

/// <summary>
/// How the day's alerts were handled: how many reached each step (as recorded when the report is made), the
/// median minutes from raised to the first answer, the first dispatch and the close, and the verdicts against
/// the set times (<see cref="HandlingStandard"/>).
/// </summary>
public sealed record HandlingSummary(
    int Raised,
    int Acknowledged,
    int Dispatched,
    int OnScene,
    int Resolved,
    int Dismissed,
    double? MedianMinutesToAcknowledge,
    double? MedianMinutesToDispatch,
    double? MedianMinutesToClose,
    int InTime,
    int Late,
    int NotYetDue,
    double? InTimeShare);
