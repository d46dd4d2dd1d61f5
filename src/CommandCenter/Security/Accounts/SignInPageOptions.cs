namespace CommandCenter.Security.Accounts;

/// <summary>
/// What the sign-in page shows besides the form. Not read from configuration: the feature that knows sets it
/// (the demo county, when it seeds its accounts), so that Security needs to know no feature.
/// </summary>
public class SignInPageOptions
{
    /// <summary>Show the hint naming the demo county's accounts.</summary>
    public bool ShowDemoAccounts { get; set; }
}
