using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Security;

/// <summary>
/// Every page, endpoint and hub against every role. The table below is the product's access policy; an
/// endpoint that is not in it fails the first test, so a new endpoint cannot ship without a decision.
/// </summary>
public class AuthorizationMatrixTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string Anonymous = "anonymous";

    private static readonly string[] People = [.. Roles.People];
    private static readonly string[] Live = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall];
    private static readonly string[] LiveApi = [.. Live, Roles.ApiReader];
    private static readonly string[] Act = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader];
    private static readonly string[] Manage = [Roles.Commander];
    private static readonly string[] Audit = [Roles.Auditor];
    private static readonly string[] Demo = [Roles.DemoGuest, Roles.Commander];
    private static readonly string[] Kpi = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Wall];
    private static readonly string[] KpiApi = [.. Kpi, Roles.ApiReader];
    private static readonly string[] Records = [Roles.Commander, Roles.DutyOfficer];
    private static readonly string[] Subjects = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader];
    private static readonly string[] RequestOrders = [Roles.DutyOfficer, Roles.SquadLeader];
    private static readonly string[] DecideOrders = [Roles.Commander];
    private static readonly string[] DecideLeave = [Roles.Commander, Roles.SquadLeader];
    private static readonly string[] Reports = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader];
    private static readonly string[] Desk = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Auditor];
    private static readonly string[] Everyone = [Anonymous, .. Roles.People, .. Roles.Tokens];

    /// <summary>
    /// These clients all connect from the loopback, where a request without credentials may scrape; a request with
    /// a token is judged by it. The refusals from another machine are in Operations/MetricsAccessTests.
    /// </summary>
    private static readonly string[] ScrapeFromHere = [Anonymous, .. Roles.People, Roles.Operator];

    /// <summary>Method, route pattern as the app declares it, a concrete path to request, who may.</summary>
    public static readonly (string Method, string Pattern, string Path, string[] Allowed)[] Matrix =
    [
        ("GET", "/", "/", Live),
        ("POST", "/", "/", Live),
        ("GET", "/login", "/login", Everyone),
        ("POST", "/login", "/login", Everyone),
        ("GET", "/login/second-factor", "/login/second-factor", Everyone),
        ("POST", "/login/second-factor", "/login/second-factor", Everyone),
        ("GET", "/login/enroll", "/login/enroll", Everyone),
        ("POST", "/login/enroll", "/login/enroll", Everyone),
        ("GET", "/access-denied", "/access-denied", Everyone),
        ("POST", "/access-denied", "/access-denied", Everyone),
        ("GET", "/healthz", "/healthz", Everyone),
        ("GET", "/demo-video/{camera}/{file}", "/demo-video/CAM-0001/index.m3u8", Everyone),
        ("GET", "/metrics", "/metrics", ScrapeFromHere),
        ("GET", "/scalar/{documentName?}", "/scalar/", Manage),

        // Scalar's own script and icon, the same on every site and holding no data: the package serves them to anyone.
        ("GET", "/scalar/scalar.js", "/scalar/scalar.js", Everyone),
        ("GET", "/scalar/scalar.aspnetcore.js", "/scalar/scalar.aspnetcore.js", Everyone),
        ("GET", "/scalar/favicon.svg", "/scalar/favicon.svg", Everyone),
        ("GET", "/culture", "/culture?name=zh-CN&returnUrl=/", Everyone),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Everyone),
        ("POST", "/api/v1/positions", "/api/v1/positions", Everyone),
        ("GET", "/osmand", "/osmand", Everyone),
        ("POST", "/osmand", "/osmand", Everyone),
        ("GET", "/api/v1/ingest/unknown-devices", "/api/v1/ingest/unknown-devices", LiveApi),
        ("GET", "/api/v1/map/regions", "/api/v1/map/regions", LiveApi),
        ("GET", "/api/v1/map/fences", "/api/v1/map/fences", LiveApi),
        ("GET", "/api/v1/map/positions", "/api/v1/map/positions", LiveApi),
        ("GET", "/api/v1/alerts", "/api/v1/alerts", LiveApi),
        ("GET", "/api/v1/alerts/pending", "/api/v1/alerts/pending", LiveApi),
        ("GET", "/api/v1/alerts/{id:long}", "/api/v1/alerts/999999", LiveApi),
        ("POST", "/api/v1/alerts/{id:long}/acknowledge", "/api/v1/alerts/999999/acknowledge", Act),
        ("POST", "/api/v1/alerts/{id:long}/dispatch", "/api/v1/alerts/999999/dispatch", Act),
        ("POST", "/api/v1/alerts/{id:long}/on-scene", "/api/v1/alerts/999999/on-scene", Act),
        ("POST", "/api/v1/alerts/{id:long}/resolve", "/api/v1/alerts/999999/resolve", Act),
        ("POST", "/api/v1/alerts/{id:long}/dismiss", "/api/v1/alerts/999999/dismiss", Act),
        ("GET", "/api/v1/alerts/{id:long}/photos/{photoId:long}", "/api/v1/alerts/999999/photos/1", LiveApi),
        ("GET", "/api/v1/subjects/{subjectId:int}/check-in-schedule", "/api/v1/subjects/1/check-in-schedule", Act),
        ("PUT", "/api/v1/subjects/{subjectId:int}/check-in-schedule", "/api/v1/subjects/1/check-in-schedule", Act),
        ("GET", "/api/v1/subjects/{subjectId:int}/check-ins", "/api/v1/subjects/1/check-ins", Act),
        ("POST", "/api/v1/subjects/{subjectId:int}/check-ins", "/api/v1/subjects/1/check-ins", Act),
        ("GET", "/api/v1/subjects/{subjectId:int}/leave-permits", "/api/v1/subjects/1/leave-permits", Act),
        ("POST", "/api/v1/subjects/{subjectId:int}/leave-permits", "/api/v1/subjects/1/leave-permits", Act),
        ("POST", "/api/v1/leave-permits/{permitId:long}/revoke", "/api/v1/leave-permits/999999/revoke", Act),
        ("POST", "/api/v1/leave-permits/{permitId:long}/approve", "/api/v1/leave-permits/999999/approve", DecideLeave),
        ("POST", "/api/v1/leave-permits/{permitId:long}/refuse", "/api/v1/leave-permits/999999/refuse", DecideLeave),
        ("POST", "/api/v1/spot-checks", "/api/v1/spot-checks", Act),
        ("GET", "/api/v1/subjects/{subjectId:int}/spot-checks", "/api/v1/subjects/1/spot-checks", Act),
        ("POST", "/api/v1/spot-checks/{checkId:long}/verdict", "/api/v1/spot-checks/999999/verdict", Act),
        ("GET", "/api/v1/spot-checks/{checkId:long}/photo", "/api/v1/spot-checks/999999/photo", Act),
        ("GET", "/api/v1/roll-calls/suggested-cameras", "/api/v1/roll-calls/suggested-cameras?subjectId=1", Act),
        ("POST", "/api/v1/roll-calls/", "/api/v1/roll-calls/", Act),
        ("GET", "/api/v1/roll-calls/", "/api/v1/roll-calls/", Act),
        ("GET", "/api/v1/roll-calls/{rollCallId:long}", "/api/v1/roll-calls/999999", Act),
        ("POST", "/api/v1/roll-calls/{rollCallId:long}/attendees/{subjectId:int}/mark", "/api/v1/roll-calls/999999/attendees/1/mark", Act),
        ("GET", "/roll-calls", "/roll-calls", Act),
        ("POST", "/roll-calls", "/roll-calls", Act),
        ("GET", "/roll-calls/{Id:long}", "/roll-calls/1", Act),
        ("POST", "/roll-calls/{Id:long}", "/roll-calls/1", Act),
        ("GET", "/api/v1/subjects/{subjectId:int}/registered-photo", "/api/v1/subjects/1/registered-photo", Act),
        ("PUT", "/api/v1/subjects/{subjectId:int}/registered-photo", "/api/v1/subjects/1/registered-photo", Act),
        ("GET", "/api/v1/subjects/{subjectId:int}/co-defendants", "/api/v1/subjects/1/co-defendants", Act),
        ("POST", "/api/v1/subjects/{subjectId:int}/co-defendants", "/api/v1/subjects/1/co-defendants", Act),
        ("DELETE", "/api/v1/subjects/{subjectId:int}/co-defendants/{otherSubjectId:int}", "/api/v1/subjects/1/co-defendants/2", Act),
        // The phone proves itself with its device key, never an account: no role nor token reaches it without that key (401).
        ("GET", "/api/v1/phone/tasks", "/api/v1/phone/tasks", []),
        ("POST", "/api/v1/phone/spot-checks/{checkId:long}/answer", "/api/v1/phone/spot-checks/999999/answer", []),
        ("GET", "/api/v1/phone/schedule", "/api/v1/phone/schedule", []),
        ("POST", "/api/v1/session/activity", "/api/v1/session/activity", People),
        ("GET", "/api/v1/users/", "/api/v1/users/", Manage),
        ("POST", "/api/v1/users/", "/api/v1/users/", Manage),
        ("POST", "/api/v1/users/{id}/second-factor/reset", "/api/v1/users/no-such-user/second-factor/reset", Manage),
        ("PUT", "/api/v1/users/{id}", "/api/v1/users/no-such-user", Manage),
        ("POST", "/api/v1/users/{id}/disable", "/api/v1/users/no-such-user/disable", Manage),
        ("POST", "/api/v1/users/{id}/enable", "/api/v1/users/no-such-user/enable", Manage),
        ("POST", "/api/v1/users/{id}/unlock", "/api/v1/users/no-such-user/unlock", Manage),
        ("POST", "/api/v1/users/{id}/password/reset", "/api/v1/users/no-such-user/password/reset", Manage),
        ("GET", "/site/users", "/site/users", Manage),
        ("POST", "/site/users", "/site/users", Manage),
        ("GET", "/site/tokens", "/site/tokens", Manage),
        ("POST", "/site/tokens", "/site/tokens", Manage),
        ("POST", "/api/v1/account/password", "/api/v1/account/password", People),

        // Open to a person who owes a new password and so has no session yet; without either it sends to sign-in.
        ("GET", "/account/password", "/account/password", People),
        ("POST", "/account/password", "/account/password", Everyone),
        ("GET", "/api/v1/security/second-factor/roles/", "/api/v1/security/second-factor/roles/", Manage),
        ("PUT", "/api/v1/security/second-factor/roles/{role}", "/api/v1/security/second-factor/roles/no-such-role", Manage),
        ("GET", "/account/second-factor", "/account/second-factor", Desk),
        ("POST", "/account/second-factor", "/account/second-factor", Desk),
        ("GET", "/api/v1/integration-tokens/", "/api/v1/integration-tokens/", Manage),
        ("POST", "/api/v1/integration-tokens/", "/api/v1/integration-tokens/", Manage),
        ("DELETE", "/api/v1/integration-tokens/{id:int}", "/api/v1/integration-tokens/999999", Manage),
        ("GET", "/api/v1/subjects/{id:int}/card", "/api/v1/subjects/1/card", Act),
        ("POST", "/api/v1/subjects/{id:int}/unmask", "/api/v1/subjects/1/unmask", Act),
        ("GET", "/api/v1/audit/", "/api/v1/audit/", Audit),
        ("GET", "/api/v1/audit/export", "/api/v1/audit/export", Audit),
        ("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", Audit),
        ("POST", "/hubs/wall/negotiate", "/hubs/wall/negotiate?negotiateVersion=1", Live),
        ("GET", "/hubs/wall/negotiate", "/hubs/wall/negotiate?negotiateVersion=1", Live),
        ("GET", "/kpi", "/kpi", Kpi),
        ("POST", "/kpi", "/kpi", Kpi),
        ("GET", "/kpi/report", "/kpi/report", Kpi),
        ("POST", "/kpi/report", "/kpi/report", Kpi),
        ("GET", "/reports/duty", "/reports/duty", Reports),
        ("POST", "/reports/duty", "/reports/duty", Reports),
        ("GET", "/reports/alerts", "/reports/alerts", Reports),
        ("POST", "/reports/alerts", "/reports/alerts", Reports),
        ("GET", "/api/v1/reports/duty", "/api/v1/reports/duty", Reports),
        ("GET", "/api/v1/reports/duty/export", "/api/v1/reports/duty/export", Reports),
        ("GET", "/api/v1/reports/alerts", "/api/v1/reports/alerts", Reports),
        ("GET", "/api/v1/reports/alerts/export", "/api/v1/reports/alerts/export", Reports),
        ("GET", "/kpi/records/{Kind}", "/kpi/records/activities", Records),
        ("POST", "/kpi/records/{Kind}", "/kpi/records/activities", Records),
        ("GET", "/api/v1/kpi/panels/", "/api/v1/kpi/panels/", KpiApi),
        ("GET", "/api/v1/kpi/panels/{id}", "/api/v1/kpi/panels/supervision", KpiApi),
        ("GET", "/api/v1/kpi/panels/{id}/export", "/api/v1/kpi/panels/supervision/export?format=csv", KpiApi),
        ("GET", "/api/v1/kpi/records/activities/", "/api/v1/kpi/records/activities/", KpiApi),
        ("GET", "/api/v1/kpi/records/activities/{id:int}", "/api/v1/kpi/records/activities/999999", KpiApi),
        ("POST", "/api/v1/kpi/records/activities/", "/api/v1/kpi/records/activities/", Records),
        ("PUT", "/api/v1/kpi/records/activities/{id:int}", "/api/v1/kpi/records/activities/999999", Records),
        ("DELETE", "/api/v1/kpi/records/activities/{id:int}", "/api/v1/kpi/records/activities/999999", Records),
        ("GET", "/api/v1/kpi/records/meetings/", "/api/v1/kpi/records/meetings/", KpiApi),
        ("GET", "/api/v1/kpi/records/meetings/{id:int}", "/api/v1/kpi/records/meetings/999999", KpiApi),
        ("POST", "/api/v1/kpi/records/meetings/", "/api/v1/kpi/records/meetings/", Records),
        ("PUT", "/api/v1/kpi/records/meetings/{id:int}", "/api/v1/kpi/records/meetings/999999", Records),
        ("DELETE", "/api/v1/kpi/records/meetings/{id:int}", "/api/v1/kpi/records/meetings/999999", Records),
        ("GET", "/api/v1/kpi/records/members/", "/api/v1/kpi/records/members/", KpiApi),
        ("GET", "/api/v1/kpi/records/members/{id:int}", "/api/v1/kpi/records/members/999999", KpiApi),
        ("POST", "/api/v1/kpi/records/members/", "/api/v1/kpi/records/members/", Records),
        ("PUT", "/api/v1/kpi/records/members/{id:int}", "/api/v1/kpi/records/members/999999", Records),
        ("DELETE", "/api/v1/kpi/records/members/{id:int}", "/api/v1/kpi/records/members/999999", Records),
        ("GET", "/api/v1/kpi/records/partners/", "/api/v1/kpi/records/partners/", KpiApi),
        ("GET", "/api/v1/kpi/records/partners/{id:int}", "/api/v1/kpi/records/partners/999999", KpiApi),
        ("POST", "/api/v1/kpi/records/partners/", "/api/v1/kpi/records/partners/", Records),
        ("PUT", "/api/v1/kpi/records/partners/{id:int}", "/api/v1/kpi/records/partners/999999", Records),
        ("DELETE", "/api/v1/kpi/records/partners/{id:int}", "/api/v1/kpi/records/partners/999999", Records),
        ("GET", "/api/v1/kpi/records/losses/", "/api/v1/kpi/records/losses/", KpiApi),
        ("GET", "/api/v1/kpi/records/losses/{id:int}", "/api/v1/kpi/records/losses/999999", KpiApi),
        ("POST", "/api/v1/kpi/records/losses/", "/api/v1/kpi/records/losses/", Records),
        ("PUT", "/api/v1/kpi/records/losses/{id:int}", "/api/v1/kpi/records/losses/999999", Records),
        ("DELETE", "/api/v1/kpi/records/losses/{id:int}", "/api/v1/kpi/records/losses/999999", Records),
        ("GET", "/api/v1/squads/", "/api/v1/squads/", LiveApi),
        ("GET", "/api/v1/squads/suggestions", "/api/v1/squads/suggestions?lat=35.5&lon=117.6", Act),
        ("GET", "/api/v1/squads/details", "/api/v1/squads/details", Manage),
        ("GET", "/api/v1/squads/coverage", "/api/v1/squads/coverage", Manage),
        ("GET", "/api/v1/squads/{id:int}", "/api/v1/squads/999999", Manage),
        ("POST", "/api/v1/squads/", "/api/v1/squads/", Manage),
        ("PUT", "/api/v1/squads/{id:int}", "/api/v1/squads/999999", Manage),
        ("POST", "/api/v1/squads/{id:int}/retire", "/api/v1/squads/999999/retire", Manage),
        ("GET", "/site/squads", "/site/squads", Manage),
        ("POST", "/site/squads", "/site/squads", Manage),
        ("GET", "/api/v1/cameras/", "/api/v1/cameras/", LiveApi),
        ("GET", "/api/v1/cameras/nearest", "/api/v1/cameras/nearest?lat=35.5&lon=117.6", LiveApi),
        ("POST", "/api/v1/cameras/", "/api/v1/cameras/", Records),
        ("PUT", "/api/v1/cameras/{id:int}", "/api/v1/cameras/999999", Records),
        ("POST", "/api/v1/cameras/import", "/api/v1/cameras/import", Records),
        ("POST", "/api/v1/cameras/{id:int}/retire", "/api/v1/cameras/999999/retire", Records),
        ("POST", "/api/v1/cameras/{id:int}/reinstate", "/api/v1/cameras/999999/reinstate", Records),
        ("DELETE", "/api/v1/cameras/{id:int}", "/api/v1/cameras/999999", Records),
        ("GET", "/api/v1/devices/", "/api/v1/devices/", Subjects),
        ("GET", "/api/v1/devices/{id:int}", "/api/v1/devices/999999", Subjects),
        ("POST", "/api/v1/devices/", "/api/v1/devices/", Subjects),
        ("PUT", "/api/v1/devices/{id:int}/subject", "/api/v1/devices/999999/subject", Subjects),
        ("POST", "/api/v1/devices/{id:int}/replace", "/api/v1/devices/999999/replace", Subjects),
        ("POST", "/api/v1/devices/{id:int}/retire", "/api/v1/devices/999999/retire", Subjects),
        ("POST", "/api/v1/devices/{id:int}/rotate-key", "/api/v1/devices/999999/rotate-key", Subjects),
        ("GET", "/site/devices", "/site/devices", Subjects),
        ("POST", "/site/devices", "/site/devices", Subjects),
        ("GET", "/api/v1/protected-persons/", "/api/v1/protected-persons/", Subjects),
        ("POST", "/api/v1/protected-persons/", "/api/v1/protected-persons/", Subjects),
        ("PUT", "/api/v1/protected-persons/{id:int}/links", "/api/v1/protected-persons/999999/links", Subjects),
        ("DELETE", "/api/v1/protected-persons/{id:int}/links/{subjectId:int}", "/api/v1/protected-persons/999999/links/999999", Subjects),
        ("POST", "/api/v1/protected-persons/{id:int}/retire", "/api/v1/protected-persons/999999/retire", Subjects),
        ("GET", "/site/protected-persons", "/site/protected-persons", Subjects),
        ("POST", "/site/protected-persons", "/site/protected-persons", Subjects),
        ("GET", "/osmand/protected", "/osmand/protected", Everyone),
        ("POST", "/osmand/protected", "/osmand/protected", Everyone),
        ("GET", "/fences", "/fences", Records),
        ("POST", "/fences", "/fences", Records),
        ("GET", "/cameras", "/cameras", Records),
        ("GET", "/api/v1/fences/", "/api/v1/fences/", LiveApi),
        ("GET", "/api/v1/fences/{id:int}", "/api/v1/fences/999999", LiveApi),
        ("GET", "/api/v1/fences/export", "/api/v1/fences/export", LiveApi),
        ("POST", "/api/v1/fences/", "/api/v1/fences/", Records),
        ("PUT", "/api/v1/fences/{id:int}", "/api/v1/fences/999999", Records),
        ("POST", "/api/v1/fences/{id:int}/deactivate", "/api/v1/fences/999999/deactivate", Records),
        ("DELETE", "/api/v1/fences/{id:int}", "/api/v1/fences/999999", Records),
        ("POST", "/api/v1/fences/import", "/api/v1/fences/import", Records),
        ("POST", "/cameras", "/cameras", Records),
        ("GET", "/cameras/{Id:int}/live", "/cameras/1/live", Live),
        ("POST", "/cameras/{Id:int}/live", "/cameras/1/live", Live),
        ("GET", "/api/v1/subjects/", "/api/v1/subjects/", Subjects),
        ("POST", "/api/v1/subjects/", "/api/v1/subjects/", Records),
        ("POST", "/api/v1/subjects/import/preview", "/api/v1/subjects/import/preview", Records),
        ("POST", "/api/v1/subjects/import/commit", "/api/v1/subjects/import/commit", Records),
        ("GET", "/api/v1/subjects/{id:int}", "/api/v1/subjects/999999", Subjects),
        ("PUT", "/api/v1/subjects/{id:int}", "/api/v1/subjects/999999", Records),
        ("GET", "/api/v1/subjects/{id:int}/fences", "/api/v1/subjects/999999/fences", Subjects),
        ("GET", "/api/v1/subjects/{id:int}/track", "/api/v1/subjects/999999/track", Subjects),
        ("POST", "/api/v1/subjects/who-was-there", "/api/v1/subjects/who-was-there", Subjects),
        ("GET", "/api/v1/subjects/{id:int}/orders/", "/api/v1/subjects/999999/orders/", Subjects),
        ("POST", "/api/v1/subjects/{id:int}/orders/", "/api/v1/subjects/999999/orders/", RequestOrders),
        ("POST", "/api/v1/subjects/{id:int}/orders/{orderId:int}/extend", "/api/v1/subjects/999999/orders/999999/extend", RequestOrders),
        ("POST", "/api/v1/subjects/{id:int}/orders/{orderId:int}/approve", "/api/v1/subjects/999999/orders/999999/approve", DecideOrders),
        ("POST", "/api/v1/subjects/{id:int}/orders/{orderId:int}/reject", "/api/v1/subjects/999999/orders/999999/reject", DecideOrders),
        ("POST", "/api/v1/subjects/{id:int}/orders/{orderId:int}/end", "/api/v1/subjects/999999/orders/999999/end", Subjects),
        ("GET", "/subjects", "/subjects", Subjects),
        ("POST", "/subjects", "/subjects", Subjects),
        ("GET", "/subjects/who-was-there", "/subjects/who-was-there", Subjects),
        ("POST", "/subjects/who-was-there", "/subjects/who-was-there", Subjects),
        ("GET", "/subjects/new", "/subjects/new", Records),
        ("POST", "/subjects/new", "/subjects/new", Records),
        ("GET", "/subjects/import", "/subjects/import", Records),
        ("POST", "/subjects/import", "/subjects/import", Records),
        ("GET", "/subjects/{Id:int}", "/subjects/1", Subjects),
        ("POST", "/subjects/{Id:int}", "/subjects/1", Subjects),
        ("GET", "/subjects/{Id:int}/edit", "/subjects/1/edit", Records),
        ("POST", "/subjects/{Id:int}/edit", "/subjects/1/edit", Records),
        ("GET", "/desk", "/desk", Act),
        ("GET", "/api/v1/field-messages", "/api/v1/field-messages", Records),
        ("GET", "/site/messages", "/site/messages", Records),
        ("POST", "/site/messages", "/site/messages", Records),
        ("POST", "/desk", "/desk", Act),
        ("GET", "/audit", "/audit", Audit),
        ("POST", "/audit", "/audit", Audit),
        ("GET", "/demo", "/demo", Demo),
        ("POST", "/demo", "/demo", Demo),
        ("POST", "/api/v1/demo-links/", "/api/v1/demo-links/", Manage),
        ("GET", "/api/v1/demo-links/", "/api/v1/demo-links/", Manage),
        ("DELETE", "/api/v1/demo-links/{id:int}", "/api/v1/demo-links/999999", Manage),
        ("GET", "/api/v1/sessions/", "/api/v1/sessions/", Manage),
        ("DELETE", "/api/v1/sessions/{id}", "/api/v1/sessions/no-such-session", Manage),
        ("GET", "/sessions", "/sessions", Manage),
        ("POST", "/sessions", "/sessions", Manage),
        ("GET", "/site", "/site", Manage),
        ("POST", "/site", "/site", Manage),
        ("GET", "/site/county", "/site/county", Manage),
        ("POST", "/site/county", "/site/county", Manage),
        ("GET", "/api/v1/site/checklist", "/api/v1/site/checklist", Manage),
        ("GET", "/api/v1/site/counties", "/api/v1/site/counties", Manage),
        ("GET", "/api/v1/site/counties/{code}", "/api/v1/site/counties/00000", Manage),
        ("GET", "/api/v1/site/county", "/api/v1/site/county", Manage),
        ("PUT", "/api/v1/site/county", "/api/v1/site/county", Manage),
        ("POST", "/api/v1/site/county/import", "/api/v1/site/county/import", Manage),
        ("GET", "/api/v1/site/settings/", "/api/v1/site/settings/", Manage),
        ("PUT", "/api/v1/site/settings/", "/api/v1/site/settings/", Manage),
        ("GET", "/site/settings", "/site/settings", Manage),
        ("POST", "/site/settings", "/site/settings", Manage),
        ("GET", "/api/v1/site/field-channels/", "/api/v1/site/field-channels/", Manage),
        ("POST", "/api/v1/site/field-channels/", "/api/v1/site/field-channels/", Manage),
        ("PUT", "/api/v1/site/field-channels/{id:int}", "/api/v1/site/field-channels/999999", Manage),
        ("DELETE", "/api/v1/site/field-channels/{id:int}", "/api/v1/site/field-channels/999999", Manage),
        ("POST", "/api/v1/site/field-channels/{id:int}/test", "/api/v1/site/field-channels/999999/test", Manage),
        ("GET", "/site/channels", "/site/channels", Manage),
        ("POST", "/site/channels", "/site/channels", Manage),
        ("GET", "/api/v1/demo/frame", "/api/v1/demo/frame", Demo),
        ("GET", "/api/v1/demo/figures", "/api/v1/demo/figures", Demo),
        ("GET", "/api/v1/demo/replay", "/api/v1/demo/replay", Demo),
        ("GET", "/api/v1/demo/regions", "/api/v1/demo/regions", Demo),
        ("POST", "/hubs/demo/negotiate", "/hubs/demo/negotiate?negotiateVersion=1", Demo),
        ("GET", "/hubs/demo/negotiate", "/hubs/demo/negotiate?negotiateVersion=1", Demo),

        // Last: these replace or end each role's session.
        ("GET", "/demo/enter", "/demo/enter?t={demo-link}", Everyone),
        ("POST", "/logout", "/logout", Everyone),
    ];

    [Fact]
    public void EveryEndpointIsInTheMatrixAndNamesAPolicyOrIsExplicitlyAnonymous()
    {
        var declared = Matrix.Select(row => $"{row.Method} {row.Pattern}").ToHashSet();
        var problems = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (IsFrameworkPlumbing(endpoint, pattern))
            {
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)
                || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any();
            if (!anonymous && !named)
            {
                problems.Add($"{pattern} names no policy and is not explicitly anonymous");
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "HEAD" && !(pattern.StartsWith("/hubs/") && !pattern.EndsWith("/negotiate"))))
            {
                if (!declared.Contains($"{method} {pattern}"))
                {
                    problems.Add($"{method} {pattern} is not in the authorisation matrix");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public async Task EachRoleReachesExactlyWhatTheMatrixAllows()
    {
        var clients = await ClientsByRoleAsync();
        var link = await DemoLinkAsync(clients[Roles.Commander]);
        var mismatches = new List<string>();
        foreach (var (method, _, pathTemplate, allowed) in Matrix)
        {
            var path = pathTemplate.Replace("{demo-link}", link, StringComparison.Ordinal);
            foreach (var (role, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    // Each endpoint gets the content type it accepts, so the router does not answer 415 before authorisation runs.
                    request.Content = path.EndsWith("/cameras/import", StringComparison.Ordinal) || path.Contains("/subjects/import/", StringComparison.Ordinal)
                        ? new StringContent("code,name,latitude,longitude\n", Encoding.UTF8, "text/csv")
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var reached = Reached(response);
                var expected = allowed.Contains(role);
                if (reached != expected)
                {
                    mismatches.Add($"{role} {method} {path}: expected {(expected ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>A valid signed demo link: entering with it is open to anybody who holds it.</summary>
    private static async Task<string> DemoLinkAsync(HttpClient commander)
    {
        var answer = await (await commander.PostAsJsonAsync("/api/v1/demo-links", new { hours = 1 })).Content.ReadFromJsonAsync<LinkAnswer>();
        return Uri.EscapeDataString(new Uri(answer!.Url).Query.Split("t=")[1].Split('&')[0] is var token ? Uri.UnescapeDataString(token) : string.Empty);
    }

    /// <summary>Denied means 401/403 for APIs, or a redirect to sign-in or access-denied for pages.</summary>
    private static bool Reached(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return !(response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/login?ReturnUrl") || location.Contains("/access-denied")));
    }

    private async Task<Dictionary<string, HttpClient>> ClientsByRoleAsync()
    {
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = FormSignIn.Anonymous(app.BaseAddress).Client };
        foreach (var role in Roles.People)
        {
            clients[role] = (await app.SignInAsync(role)).Client;
        }

        foreach (var role in Roles.Tokens)
        {
            var created = await clients[Roles.Commander].PostAsJsonAsync("/api/v1/integration-tokens/", new { name = $"matrix {role}", role });
            var token = (await created.Content.ReadFromJsonAsync<TokenAnswer>())!.Token;
            var client = FormSignIn.Anonymous(app.BaseAddress).Client;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients[role] = client;
        }

        return clients;
    }

    /// <summary>
    /// Blazor's circuit endpoints, static files (and the development-time file fallback, which the fallback
    /// policy denies) and the hub's transport endpoint are the framework's, not features.
    /// </summary>
    private static bool IsFrameworkPlumbing(RouteEndpoint endpoint, string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern.StartsWith("/_content", StringComparison.Ordinal)
        || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || pattern == "/hubs/wall"
        || pattern == "/hubs/demo"
        || pattern == "/{**path:file}";

    private sealed record TokenAnswer(int Id, string Name, string Role, string Token);

    private sealed record LinkAnswer(string Url, DateTimeOffset ExpiresAt);
}
