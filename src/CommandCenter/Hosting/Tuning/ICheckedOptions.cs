namespace CommandCenter.Hosting.Tuning;

/// <summary>
/// Options with rules the validation attributes cannot state (one value above another, every duration in a
/// map positive). The same check runs at start-up and on every change made while the app runs.
/// </summary>
public interface ICheckedOptions
{
    IEnumerable<OptionsProblem> Problems();
}
