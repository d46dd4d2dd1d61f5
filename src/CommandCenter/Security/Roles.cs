namespace CommandCenter.Security;

/// <summary>The roles of the hall. A person holds one; integration tokens hold one of the token roles.</summary>
public static class Roles
{
    /// <summary>大队长 / 局长: overview, approvals, users and tokens.</summary>
    public const string Commander = "commander";

    /// <summary>值班员: acts on every alert from the desk.</summary>
    public const string DutyOfficer = "duty-officer";

    /// <summary>中队长: sees and acts on the alerts of their own squad only.</summary>
    public const string SquadLeader = "squad-leader";

    /// <summary>督察 / 驻队检察室: reads the audit trail, acts on nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>The hall's wall: receive-only, never signed out for idleness.</summary>
    public const string Wall = "wall";

    /// <summary>A visiting delegation: the privacy-masked demo view only.</summary>
    public const string DemoGuest = "demo-guest";

    /// <summary>Token role: a forwarder (e.g. a Traccar server) that posts positions for registered devices.</summary>
    public const string Forwarder = "forwarder";

    /// <summary>Token role: another system that reads alerts and map data.</summary>
    public const string ApiReader = "api-reader";

    /// <summary>Token role: the site's monitoring (a Prometheus server) that scrapes <c>/metrics</c>, and nothing else.</summary>
    public const string Operator = "operator";

    /// <summary>The roles a person can hold.</summary>
    public static readonly IReadOnlyList<string> People = [Commander, DutyOfficer, SquadLeader, Auditor, Wall, DemoGuest];

    /// <summary>The roles an integration token can hold.</summary>
    public static readonly IReadOnlyList<string> Tokens = [Forwarder, ApiReader, Operator];

    /// <summary>Roles that must sign in with a second factor (TOTP).</summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Commander, Auditor];
}
