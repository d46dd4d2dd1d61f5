using System.Security.Claims;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Delegation;

public static class DelegationEndpoints
{
    public record CreateLinkRequest(double Hours);

    public record CreatedLink(string Url, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapDelegation(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/demo-links", CreateLinkAsync)
            .WithTags("Delegation")
            .RequireAuthorization(Policies.ManageAccess)
            .WithSummary("A signed link to the masked delegation view, valid for the given hours (at most the configured limit).");
        app.MapGet("/demo/enter", EnterAsync)
            .WithTags("Delegation")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Opens the delegation view with a signed demo link; an invalid or expired link is refused.");

        var demo = app.MapGroup("/api/v1/demo").WithTags("Delegation").RequireAuthorization(Policies.ViewDemo);
        demo.MapGet("/frame", (DemoPicture picture, CancellationToken ct) => picture.FrameAsync(ct))
            .WithSummary("People counted per coarse grid cell; no person, no exact position.");
        demo.MapGet("/figures", (DemoFigures figures, CancellationToken ct) => figures.ComputeAsync(ct))
            .WithSummary("The county's figures, computed from the records.");
        demo.MapGet("/replay", async (DemoPicture picture, CancellationToken ct) => await picture.ReplayAsync(ct) is { } replay ? Results.Ok(replay) : Results.NoContent())
            .WithSummary("The handling of the latest alert, step by step, without identities.");
        demo.MapGet("/regions", BaseMap.RegionsAsync)
            .WithSummary("The county and its neighbours as GeoJSON, for the visitors' map.");
        return app;
    }

    private static async Task<IResult> CreateLinkAsync(
        CreateLinkRequest request, HttpContext context, ClaimsPrincipal user, DemoLinks links, AuditTrail audit, IOptions<DelegationOptions> options, CancellationToken cancellationToken)
    {
        var validFor = TimeSpan.FromHours(request.Hours);
        if (request.Hours <= 0 || validFor > options.Value.MaxLinkValidity)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["hours"] = [$"A demo link is valid for more than 0 and at most {options.Value.MaxLinkValidity.TotalHours:0} hours."],
            });
        }

        var (token, expires) = links.Create(validFor);
        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.DemoLinkCreated, "demo-view", $"valid until {expires:O}",
            context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        var url = $"{context.Request.Scheme}://{context.Request.Host}/demo/enter?t={Uri.EscapeDataString(token)}";
        return TypedResults.Ok(new CreatedLink(url, expires));
    }

    private static async Task<IResult> EnterAsync(string? t, HttpContext context, DemoLinks links, SessionActivity activity, AuditTrail audit)
    {
        if (links.Validate(t) is not { } expires)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The demo link is invalid or has expired.",
                detail: "Ask the command center for a new link.");
        }

        var session = Guid.NewGuid().ToString("N");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "demo-link"),
            new Claim(ClaimTypes.Role, Roles.DemoGuest),
            new Claim(DemoLinks.Claim, expires.ToString("O")),
            new Claim(ClaimNames.Session, session),
        ], IdentityConstants.ApplicationScheme);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = expires });
        activity.Touch(session);
        await audit.AppendAsync(new AuditRecord("demo-link", AuditActions.SignIn, "demo-view", $"link valid until {expires:O}",
            context.Connection.RemoteIpAddress?.ToString()));
        return TypedResults.Redirect("/demo");
    }
}
