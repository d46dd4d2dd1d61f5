namespace CommandCenter.AlertDesk;

/// <summary>Which of the desk's closing forms is open: closing an alert asks for a disposition or a reason first.</summary>
public enum CaseForm
{
    None,
    Resolve,
    Dismiss,
}
