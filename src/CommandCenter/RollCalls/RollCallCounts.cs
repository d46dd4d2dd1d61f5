using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.RollCalls;

/// <summary>A roll call's marks counted, as one line in the reader's language.</summary>
public static class RollCallCounts
{
    public static string Text(IStringLocalizer text, RollCallView call) => string.Format(CultureInfo.CurrentCulture, text["RollCall.Counts"],
        Count(call, RollCallMark.Present), Count(call, RollCallMark.Absent), Count(call, RollCallMark.Excused), Count(call, null));

    private static int Count(RollCallView call, RollCallMark? mark) => call.Attendees.Count(a => a.Mark == mark);
}
