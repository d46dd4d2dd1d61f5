using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>The who-was-there search (轨迹碰撞) under the subjects' API.</summary>
public static class WhoWasThereEndpoints
{
    public static RouteGroupBuilder MapWhoWasThere(this RouteGroupBuilder subjects)
    {
        subjects.MapPost("/who-was-there", SearchAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .Accepts<WhoWasThereRequest>("application/json")
            .WithSummary("The people whose track came within an area (a GeoJSON Polygon or MultiPolygon in area, or latitude, longitude and radiusMetres) between from and to, "
                + "each with the time and distance from the centre of their closest fix; only days an approved positioning order covered are searched, and a squad leader finds only their squad's people. "
                + "caseNumber (the case the search serves) is required and the search is audited with it. 400 names every field out of bounds (area size, window length, a window not begun).")
            .Produces<WhoWasThereResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return subjects;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context, ClaimsPrincipal user, WhoWasThereQueries queries, IOptions<WhoWasThereOptions> options, TimeProvider time,
        IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<WhoWasThereRequest>(context.Request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (search, errors) = WhoWasThereChecks.Check(body, options.Value, time.GetUtcNow(), text);
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search is out of its bounds; nothing was searched.");
        }

        return TypedResults.Ok(await queries.SearchAsync(search, user, context.Connection.RemoteIpAddress?.ToString(), cancellationToken));
    }
}
