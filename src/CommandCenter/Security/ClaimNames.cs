namespace CommandCenter.Security;

/// <summary>Claims the command center adds to a signed-in person.</summary>
public static class ClaimNames
{
    /// <summary>The squad a squad leader leads.</summary>
    public const string Squad = "cc:squad";

    /// <summary>One sign-in: idle time is tracked per session, not per person.</summary>
    public const string Session = "cc:session";

    /// <summary>A visitor signed in by a demo link, not by an account; its value is the link's expiry.</summary>
    public const string DemoLink = "cc:demo-link";
}
