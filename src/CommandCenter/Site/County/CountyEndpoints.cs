using System.Security.Claims;
using CommandCenter.Geo.Datums;
using CommandCenter.Kit;
using CommandCenter.Map;
using CommandCenter.Security;

namespace CommandCenter.Site.County;

/// <summary>The county a site serves: searched in the shipped boundaries, previewed, chosen or imported. The commander's.</summary>
public static class CountyEndpoints
{
    private const int SearchLimit = 20;

    public static IEndpointRouteBuilder MapCounty(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/v1/site").WithTags("Site").RequireAuthorization(Policies.ManageAccess);
        site.MapGet("/counties", SearchAsync)
            .WithSummary("Searches the shipped boundaries (every county and district of China) by name (平邑, 平邑县) or by the start of the administrative code (371326); at most 20, exact matches first. 400 names q when it is empty.");
        site.MapGet("/counties/{code}", PreviewAsync)
            .WithSummary("A shipped county and the areas touching it, as a GeoJSON FeatureCollection in WGS-84 (converted from GCJ-02), to preview before choosing. 400 for a code that is not six digits, 404 for an unknown one.");
        site.MapGet("/county", CurrentAsync)
            .WithSummary("The county the site serves (code, name, neighbours on the base map); 404 while none is chosen.");
        site.MapPut("/county", ChooseAsync)
            .Accepts<CountyChoice>("application/json")
            .WithSummary("Chooses a shipped county by code: it becomes the county inclusion fence and, with its neighbours, the offline base map, replacing the earlier ones in one transaction; live at once. 400 names code, 404 for an unknown code, 409 when expectedCode is given and the county has changed since.");
        site.MapPost("/county/import", ImportAsync)
            .Accepts<string>("application/geo+json", "application/json")
            .WithSummary("Chooses a county from a GeoJSON FeatureCollection, Feature or Polygon/MultiPolygon in the datum named (datum=wgs84|gcj02|bd09); several features make one county; code and name default to the first feature's id and properties.name. 400 names datum, file, code or name; 409 as for PUT.");
        return app;
    }

    private static async Task<IResult> SearchAsync(string? q, ShippedCountyIndex index)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Invalid("q", "Give a county's name or administrative code.");
        }

        var found = await index.SearchAsync(q, SearchLimit);
        return TypedResults.Ok(found.Select(c => new { c.Code, c.Name, c.City, c.Province }));
    }

    private static async Task<IResult> PreviewAsync(string code, ShippedCountyIndex index, CancellationToken cancellationToken)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return Invalid("code", "The county's administrative code is six digits, e.g. 371326.");
        }

        if (await index.FindAsync(code) is not { } county)
        {
            return NotFound(code);
        }

        var areas = await index.AreasAroundAsync(county.Code, county.Name, await index.ReadBoundaryAsync(county, cancellationToken), cancellationToken);
        return Results.Json(BaseMap.Features(areas), BaseMap.GeoJson, "application/geo+json");
    }

    private static async Task<IResult> CurrentAsync(CountyStore store, CancellationToken cancellationToken) =>
        await store.CurrentAsync(cancellationToken) is { } county
            ? TypedResults.Ok(county)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No county yet.", detail: "The site has no county chosen yet.");

    private static async Task<IResult> ChooseAsync(HttpRequest request, ClaimsPrincipal user, CountyStore store, CancellationToken cancellationToken)
    {
        var (choice, problem) = await JsonBody.ReadAsync<CountyChoice>(request, cancellationToken);
        if (choice is null)
        {
            return problem!;
        }

        return Answer(await store.ChooseShippedAsync(choice.Code, choice.ExpectedCode, user.Identity!.Name!, cancellationToken));
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request, string? datum, string? code, string? name, string? expectedCode, ClaimsPrincipal user, CountyStore store, CancellationToken cancellationToken)
    {
        Datum? parsed = datum?.ToLowerInvariant() switch
        {
            "wgs84" => Datum.Wgs84,
            "gcj02" => Datum.Gcj02,
            "bd09" => Datum.Bd09,
            _ => null,
        };
        if (parsed is null)
        {
            return Invalid("datum", "Name the file's datum: wgs84, gcj02 or bd09.");
        }

        return Answer(await store.ImportAsync(request.Body, parsed.Value, code, name, expectedCode, user.Identity!.Name!, cancellationToken));
    }

    private static IResult Answer(CountySaveResult result) => result.Status switch
    {
        StatusCodes.Status200OK => TypedResults.Ok(result.County),
        StatusCodes.Status404NotFound => TypedResults.Problem(statusCode: result.Status, title: "No such county.", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["field"] = result.Field }),
        StatusCodes.Status409Conflict => TypedResults.Problem(statusCode: result.Status, title: "The county has changed.", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["field"] = result.Field }),
        _ => Invalid(result.Field!, result.Message!),
    };

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The county was not chosen.");

    private static IResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such county.", detail: $"No county or district has the code {code} in the shipped boundaries.");
}
