using System.Globalization;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// Who was there (轨迹碰撞): the people whose track came within an area in a window, each with their fix closest
/// to its centre. Location data may be used for corrections work only, so only the days an approved order
/// covered are searched (<see cref="PositioningOrder.InForceOn"/>, day by day in the site's calendar, in <see cref="FixesInArea"/>), a
/// squad leader finds only their squad's people, and every search is written to the audit trail with its case.
/// </summary>
public class WhoWasThereQueries(
    IDbContextFactory<CommandCenterDb> factory, FixesInArea fixes, AuditTrail audit, IOptions<WhoWasThereOptions> options)
{
    public async Task<WhoWasThereResult> SearchAsync(WhoWasThereSearch search, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPeople;
        var nearest = await fixes.NearestAsync(search, SquadScope.Of(user), limit + 1, cancellationToken);
        var truncated = nearest.Count > limit;
        if (truncated)
        {
            nearest.RemoveAt(nearest.Count - 1);
        }

        var codes = await CodesAsync(nearest.Select(n => n.SubjectId).ToArray(), cancellationToken);
        var people = nearest
            .Select(n => new PersonNearby(n.SubjectId, codes[n.SubjectId], n.Time, Math.Round(n.DistanceMetres, 1), n.Latitude, n.Longitude, n.FixesInside))
            .ToList();

        // The audit row is written before anything is shown: a search that cannot be recorded shows nothing.
        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.WhoWasThere, $"case:{search.CaseNumber}",
            Describe(search, people, truncated), remoteAddress), cancellationToken);
        return new WhoWasThereResult(search.CaseNumber, search.From, search.To, search.Centre.Y, search.Centre.X, search.RadiusMetres, people, truncated);
    }

    private async Task<Dictionary<int, string>> CodesAsync(int[] subjectIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Subjects.Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
    }

    private static string Describe(WhoWasThereSearch search, List<PersonNearby> people, bool truncated)
    {
        var place = search.RadiusMetres is { } radius
            ? string.Create(CultureInfo.InvariantCulture, $"within {radius:0} m of")
            : "in an area centred on";
        var found = string.Create(CultureInfo.InvariantCulture,
            $"who was there, {place} {search.Centre.Y:0.######},{search.Centre.X:0.######}, {search.From:yyyy-MM-ddTHH:mmZ} to {search.To:yyyy-MM-ddTHH:mmZ}: {people.Count}{(truncated ? "+" : "")} people");
        return people.Count == 0 ? found : $"{found}: {string.Join(", ", people.Select(p => p.Code))}";
    }
}
