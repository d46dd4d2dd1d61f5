namespace CommandCenter.Supervision;

/// <summary>
/// A leave step refused by a rule: the rule's name (stable, for programs: <c>notice</c>, <c>max-days</c>,
/// <c>yearly-cap</c>, <c>delegation</c>, <c>own-request</c>...), the status to answer, and the resource key
/// and arguments of the sentence that tells a person which rule it broke.
/// </summary>
public sealed record LeaveRefusal(string Rule, int Status, string Key, params object[] Args);
