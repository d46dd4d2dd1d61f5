using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Fences;

/// <summary>The fences as map layers: every active one the caller may see (the wall and desk maps), and one subject's (their page's map).</summary>
public static class FenceLayerEndpoints
{
    public static IEndpointRouteBuilder MapFenceLayers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/map/fences", GetFencesAsync)
            .WithTags("Map")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The active geofences the caller may see as a GeoJSON FeatureCollection (WGS-84): a squad leader the county-wide ones and those naming their squad's people, a reader token the county-wide ones.");
        app.MapGet("/api/v1/subjects/{id:int}/fences", SubjectFencesAsync)
            .WithTags("Subjects")
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("The active fences that apply to the subject, as a GeoJSON FeatureCollection (WGS-84).");
        return app;
    }

    private static async Task<IResult> GetFencesAsync(ClaimsPrincipal user, IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fences = await db.Geofences.AsNoTracking().VisibleTo(db, SquadScope.OfPeople(user)).Where(f => f.Active).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return Results.Json(GeofenceFeatures.Of(fences), BaseMap.GeoJson, "application/geo+json");
    }

    private static async Task<IResult> SubjectFencesAsync(int id, ClaimsPrincipal user, SubjectFences fences, CancellationToken cancellationToken) =>
        await fences.ForAsync(id, user, cancellationToken) is { } found
            ? Results.Json(GeofenceFeatures.Of(found), BaseMap.GeoJson, "application/geo+json")
            : SubjectProblems.NotFound(id);
}
