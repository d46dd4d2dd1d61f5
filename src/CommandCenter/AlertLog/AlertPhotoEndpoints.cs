using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.AlertLog;

public static class AlertPhotoEndpoints
{
    /// <summary>The photos sent with alert steps, for the desk's timeline and for integrators.</summary>
    public static IEndpointRouteBuilder MapAlertPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/{id:long}/photos/{photoId:long}", PhotoAsync)
            .WithTags("Alerts")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("A photo sent with a step on the alert (its id is in the step's photoIds), as image/jpeg. 404 for a photo of another alert or, for a squad leader, of another squad's alert.");
        return app;
    }

    private static async Task<IResult> PhotoAsync(long id, long photoId, ClaimsPrincipal user, AlertQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        if (await queries.PhotoAsync(id, photoId, SquadScope.Of(user), cancellationToken) is not { } content)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such photo.", detail: $"Alert {id} has no photo {photoId}.");
        }

        // A stored photo never changes; the browser may keep it, but only for this signed-in person.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.File(content, "image/jpeg");
    }
}
