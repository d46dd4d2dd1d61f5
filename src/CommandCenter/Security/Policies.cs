using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security;

/// <summary>
/// What each role may do, named by capability. Every page, endpoint and hub names one of these or is
/// explicitly anonymous; anything else is denied by the fallback policy.
/// </summary>
public static class Policies
{
    /// <summary>Watch the wall, the live map and the alert feed.</summary>
    public const string WatchLive = "watch-live";

    /// <summary>Acknowledge, dispatch, resolve alerts (squad leaders only for their squad).</summary>
    public const string ActOnAlerts = "act-on-alerts";

    /// <summary>See a subject's personal data unmasked, for a stated purpose.</summary>
    public const string UnmaskPersonalData = "unmask-personal-data";

    /// <summary>Manage users, integration tokens and demo links.</summary>
    public const string ManageAccess = "manage-access";

    /// <summary>Read and export the audit trail.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>See the privacy-masked delegation view.</summary>
    public const string ViewDemo = "view-demo";

    /// <summary>Post positions as a forwarder on behalf of registered devices.</summary>
    public const string ForwardPositions = "forward-positions";

    /// <summary>Read the live data through the API (people at the screens, or a reader token).</summary>
    public const string ReadLiveData = "read-live-data";

    /// <summary>See the KPI panels on screen.</summary>
    public const string ViewKpi = "view-kpi";

    /// <summary>Read the KPI panels and records through the API (people at the screens, or a reader token).</summary>
    public const string ReadKpiData = "read-kpi-data";

    /// <summary>Enter, correct and delete the dated records the KPI panels sum (party work, education, losses).</summary>
    public const string ManageRecords = "manage-records";

    /// <summary>Search subjects and open their records, fences and (while an order is in force) tracks; squad leaders only their squad's.</summary>
    public const string ViewSubjects = "view-subjects";

    /// <summary>Request an electronic-positioning order or its extension (duty officers; squad leaders for their squad).</summary>
    public const string RequestPositioning = "request-positioning";

    /// <summary>Approve or reject electronic-positioning orders: the bureau head's decision.</summary>
    public const string ApprovePositioning = "approve-positioning";

    /// <summary>Lift an electronic-positioning order early, as soon as it is no longer needed.</summary>
    public const string EndPositioning = "end-positioning";

    /// <summary>Approve or refuse leave requests: squad leaders for their squad up to the county's delegation, the commander any length.</summary>
    public const string DecideLeave = "decide-leave";

    /// <summary>Enrol an authenticator for oneself: people at a desk, not the wall nor a demo guest.</summary>
    public const string EnrolOwnSecondFactor = "enrol-own-second-factor";

    /// <summary>Change one's own password: every person with an account.</summary>
    public const string ChangeOwnPassword = "change-own-password";
    /// <summary>Enrol, assign, replace and retire positioning devices and rotate their keys; squad leaders only for their squad's people.</summary>
    public const string ManageDevices = "manage-devices";
    /// <summary>Add, change and retire the squads, their bases and areas: the commander's set-up of the site.</summary>
    public const string ManageSquads = "manage-squads";

    /// <summary>See the messages sent to the field and which failed: the commander and the duty officers, who follow failures up by phone.</summary>
    public const string ReadFieldMessages = "read-field-messages";

    /// <summary>Read the duty report and the alert register, and export them: people at a desk; squad leaders only their squad's.</summary>
    public const string ReadReports = "read-reports";

    /// <summary>
    /// Scrape the operators' metrics: an operator token, or a process on this machine that sends no credentials
    /// (see <see cref="Proxy.LocalRequests"/>). A request that sends a token is judged by the token alone.
    /// </summary>
    public const string ScrapeMetrics = "scrape-metrics";

    /// <summary>Read the interactive API reference: the commander, who hands out integration tokens.</summary>
    public const string ReadApiReference = "read-api-reference";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ChangeOwnPassword, p => p.RequireRole(Roles.People.ToArray()));
        options.AddPolicy(WatchLive, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall));
        options.AddPolicy(ActOnAlerts, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));
        options.AddPolicy(UnmaskPersonalData, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));
        options.AddPolicy(ManageAccess, p => p.RequireRole(Roles.Commander));
        options.AddPolicy(ManageSquads, p => p.RequireRole(Roles.Commander));
        options.AddPolicy(ReadFieldMessages, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer));
        options.AddPolicy(ReadReports, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));
        options.AddPolicy(ReadAudit, p => p.RequireRole(Roles.Auditor));
        options.AddPolicy(EnrolOwnSecondFactor, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Auditor));
        options.AddPolicy(ViewDemo, p => p.RequireRole(Roles.DemoGuest, Roles.Commander));
        options.AddPolicy(ForwardPositions, p => p
            .AddAuthenticationSchemes(IntegrationTokenDefaults.Scheme)
            .RequireRole(Roles.Forwarder));
        options.AddPolicy(ReadLiveData, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IntegrationTokenDefaults.Scheme)
            .RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall, Roles.ApiReader));

        options.AddPolicy(ViewKpi, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall));
        options.AddPolicy(ReadKpiData, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IntegrationTokenDefaults.Scheme)
            .RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall, Roles.ApiReader));
        options.AddPolicy(ScrapeMetrics, p => p
            .AddAuthenticationSchemes(IntegrationTokenDefaults.Scheme)
            .RequireAssertion(context => context.User.IsInRole(Roles.Operator)
                || (context.Resource is HttpContext http && !http.Request.Headers.ContainsKey("Authorization") && Proxy.LocalRequests.IsLocal(http))));
        options.AddPolicy(ReadApiReference, p => p.RequireRole(Roles.Commander));
        options.AddPolicy(ManageRecords, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer));

        options.AddPolicy(ViewSubjects, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));

        // Whoever decides on an order does not also ask for it: the commander approves, officers request.
        options.AddPolicy(RequestPositioning, p => p.RequireRole(Roles.DutyOfficer, Roles.SquadLeader));
        options.AddPolicy(ApprovePositioning, p => p.RequireRole(Roles.Commander));
        options.AddPolicy(EndPositioning, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));
        options.AddPolicy(DecideLeave, p => p.RequireRole(Roles.Commander, Roles.SquadLeader));
        options.AddPolicy(ManageDevices, p => p.RequireRole(Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader));

        // Anything that names no policy and is not explicitly anonymous is denied, except the router's own
        // answers to a wrong method or content type, which carry no data and should say what is wrong.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAssertion(context => IsRoutingRejection(context.Resource)).Build();
    }

    private static bool IsRoutingRejection(object? resource) =>
        resource is HttpContext { } http && http.GetEndpoint()?.DisplayName is "405 HTTP Method Not Supported" or "415 HTTP Unsupported Media Type";
}
