namespace CommandCenter.Security.Accounts;

/// <summary>Where a sign-in step leaves the person.</summary>
public enum SignInOutcome
{
    SignedIn,
    NeedsSecondFactor,
    MustEnrollSecondFactor,
    Failed,
    LockedOut,
    Disabled,
    MustChangePassword,
}
