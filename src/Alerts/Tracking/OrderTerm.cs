namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// The days an electronic-positioning order (电子定位) is in force, both included, on the site's calendar;
/// <see cref="End"/> is the day it was lifted when it ended early.
/// </summary>
/// <param name="Start">The first day in force.</param>
/// <param name="End">The last day in force.</param>
public readonly record struct OrderTerm(DateOnly Start, DateOnly End)
{
    /// <summary>Whether the order is in force on a day.</summary>
    public bool IsInForceOn(DateOnly day) => day >= Start && day <= End;
}
