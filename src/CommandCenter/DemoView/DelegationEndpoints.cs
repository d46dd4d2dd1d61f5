using System.Security.Claims;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Proxy;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoView;

public static class DelegationEndpoints
{
    public record CreateLinkRequest(double Hours, string? Name);

    public record CreatedLink(int Id, string Url, DateTimeOffset ExpiresAt);

    public record LinkSummary(int Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
        DateTimeOffset? RevokedAt, string? RevokedBy, int Uses, DateTimeOffset? LastUsedAt);

    public static IEndpointRouteBuilder MapDemoViewEndpoints(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/v1/demo-links").WithTags("Delegation").RequireAuthorization(Policies.ManageAccess);
        links.MapPost("/", CreateLinkAsync)
            .WithSummary("A signed link to the masked delegation view, valid for the given hours (at most the configured limit), on the site's public address.");
        links.MapGet("/", ListLinksAsync)
            .WithSummary("Every demo link: for whom, by whom, until when, how often used, whether revoked.");
        links.MapDelete("/{id:int}", RevokeLinkAsync)
            .WithSummary("Revokes a demo link at once; visitors it already let in are signed out and their streams closed.");
        app.MapGet("/demo/enter", EnterAsync)
            .WithTags("Delegation")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Opens the delegation view with a signed demo link; an invalid, revoked or expired link is refused. Every use is audited.");

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
        CreateLinkRequest request, HttpContext context, ClaimsPrincipal user, DemoLinks links, AuditTrail audit,
        IOptions<DelegationOptions> options, IOptions<ProxyOptions> proxy, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var maxHours = options.Value.MaxLinkValidity.TotalHours;

        // Checked as a number before it becomes a time span: 1e300 hours would overflow TimeSpan.
        if (!double.IsFinite(request.Hours) || request.Hours <= 0 || request.Hours > maxHours)
        {
            errors["hours"] = [$"A demo link is valid for more than 0 and at most {maxHours:0} hours."];
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length > DemoLink.NameLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"The name of a demo link has at most {DemoLink.NameLength} characters and no control characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (link, token) = await links.CreateAsync(name, TimeSpan.FromHours(request.Hours), user.Identity!.Name!, cancellationToken);
        await audit.AppendAsync(new AuditRecord(link.CreatedBy, AuditActions.DemoLinkCreated, $"demo-link:{link.Id}", $"valid until {link.ExpiresAt:O}",
            context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        var path = $"/demo/enter?t={Uri.EscapeDataString(token)}";
        var url = proxy.Value.PublicUrl(path) ?? $"{context.Request.Scheme}://{context.Request.Host}{path}";
        return TypedResults.Ok(new CreatedLink(link.Id, url, link.ExpiresAt));
    }

    private static async Task<List<LinkSummary>> ListLinksAsync(DemoLinks links, CancellationToken cancellationToken) =>
        (await links.ListAsync(cancellationToken))
            .Select(l => new LinkSummary(l.Id, l.Name, l.CreatedBy, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.RevokedBy, l.Uses, l.LastUsedAt))
            .ToList();

    private static async Task<IResult> RevokeLinkAsync(
        int id, ClaimsPrincipal user, HttpContext context, DemoLinks links, AuditTrail audit, CancellationToken cancellationToken)
    {
        var link = await links.RevokeAsync(id, user.Identity!.Name!, cancellationToken);
        if (link is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such demo link.", detail: $"There is no demo link {id}.");
        }

        await audit.AppendAsync(new AuditRecord(user.Identity.Name!, AuditActions.DemoLinkRevoked, $"demo-link:{id}", link.Name,
            context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> EnterAsync(string? t, HttpContext context, DemoLinks links, SessionActivity activity, AuditTrail audit)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var id = links.LinkOf(t);
        var link = id is { } linkId ? await links.UseAsync(linkId, context.RequestAborted) : null;
        if (link is null)
        {
            await audit.AppendAsync(new AuditRecord("demo-link", AuditActions.DemoLinkRefused, id is null ? null : $"demo-link:{id}",
                id is null ? "not a genuine link" : "revoked or expired", remote));
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The demo link is invalid or has expired.",
                detail: "Ask the command center for a new link.");
        }

        var session = Guid.NewGuid().ToString("N");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "demo-link"),
            new Claim(ClaimTypes.Role, Roles.DemoGuest),
            new Claim(ClaimNames.DemoLink, link.ExpiresAt.ToString("O")),
            new Claim(SessionCookieEvents.DemoLinkIdClaim, link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimNames.Session, session),
        ], IdentityConstants.ApplicationScheme);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = link.ExpiresAt });
        activity.Touch(session);
        await audit.AppendAsync(new AuditRecord("demo-link", AuditActions.DemoLinkUsed, $"demo-link:{link.Id}",
            $"use {link.Uses}, link valid until {link.ExpiresAt:O}", remote));
        return TypedResults.Redirect("/demo");
    }
}
