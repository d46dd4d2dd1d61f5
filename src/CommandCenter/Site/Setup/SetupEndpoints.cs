using CommandCenter.Security;

namespace CommandCenter.Site.Setup;

/// <summary>The first-run checklist as JSON, for the commander.</summary>
public static class SetupEndpoints
{
    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/site/checklist", async (SetupChecklist checklist, CancellationToken cancellationToken) =>
                (await checklist.StepsAsync(cancellationToken)).Select(s => new { step = s.Kind.ToString(), href = s.Href, done = s.Done }))
            .WithTags("Site")
            .RequireAuthorization(Policies.ManageAccess)
            .WithSummary("The first-run checklist: county, squads, people, devices, users and settings, each with its page and whether it is done (computed from the database).");
        return app;
    }
}
