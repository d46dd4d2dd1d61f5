using CommandCenter.Components.Shared;
using CommandCenter.Data;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Site.Setup;

/// <summary>
/// The first-run checklist and the one place its rules live, each computed from the database: a county is
/// chosen; at least one squad in service, and their areas together cover the county; at least one person under
/// supervision; at least one active device; at least one duty officer and one squad leader besides the
/// commander; the settings saved once (reviewed on the settings page, or recorded so by the demo's seeder).
/// </summary>
public sealed class SetupChecklist(IDbContextFactory<CommandCenterDb> factory) : ISiteReadiness
{
    /// <summary>Squad areas drawn by hand meet the county line within this (about 100 m): no gap narrower counts.</summary>
    private const double CoverToleranceDegrees = 0.001;

    public static readonly IReadOnlyDictionary<SetupStepKind, string> Pages = new Dictionary<SetupStepKind, string>
    {
        [SetupStepKind.County] = "/site/county",
        [SetupStepKind.Squads] = "/site/squads",
        [SetupStepKind.People] = "/subjects/import",
        [SetupStepKind.Devices] = "/site/devices",
        [SetupStepKind.Users] = "/site/users",
        [SetupStepKind.Settings] = "/site/settings",
    };

    public async Task<IReadOnlyList<SetupStep>> StepsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var county = await db.AdminAreas.AnyAsync(a => a.Role == AdminAreaRole.County, cancellationToken);
        var done = new Dictionary<SetupStepKind, bool>
        {
            [SetupStepKind.County] = county,
            [SetupStepKind.Squads] = county && await SquadsCoverCountyAsync(db, cancellationToken),
            [SetupStepKind.People] = await db.Subjects.AnyAsync(cancellationToken),
            [SetupStepKind.Devices] = await db.Devices.AnyAsync(d => d.Active, cancellationToken),
            [SetupStepKind.Users] = await HasPeopleInRoleAsync(db, Roles.DutyOfficer, cancellationToken) && await HasPeopleInRoleAsync(db, Roles.SquadLeader, cancellationToken),
            [SetupStepKind.Settings] = await db.SiteSettings.AnyAsync(s => s.Version > 0, cancellationToken),
        };
        return [.. Enum.GetValues<SetupStepKind>().Select(kind => new SetupStep(kind, Pages[kind], done[kind]))];
    }

    public async Task<SiteReadiness> ReadAsync(CancellationToken cancellationToken)
    {
        var steps = await StepsAsync(cancellationToken);
        return new SiteReadiness(steps.Single(s => s.Kind == SetupStepKind.County).Done,
            [.. steps.Select(s => new SiteReadinessStep(s.Kind.ToString(), s.Href, s.Done))]);
    }

    private static async Task<bool> SquadsCoverCountyAsync(CommandCenterDb db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<bool>($"""
            SELECT COALESCE(ST_Covers(ST_Buffer((SELECT ST_Union(s.jurisdiction) FROM squads s WHERE s.retired_at IS NULL), {CoverToleranceDegrees}), a.boundary), false) AS "Value"
            FROM admin_areas a WHERE a.role = 'County'
            """).ToListAsync(cancellationToken)).SingleOrDefault();

    private static Task<bool> HasPeopleInRoleAsync(CommandCenterDb db, string role, CancellationToken cancellationToken) =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == role), u => u.RoleId, r => r.Id, (u, _) => u.UserId).AnyAsync(cancellationToken);
}
