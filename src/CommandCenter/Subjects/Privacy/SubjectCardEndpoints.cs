using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Subjects.Privacy;

/// <summary>A subject's card, masked; and the unmasking of it, which needs the role, a stated purpose, and is audited.</summary>
public static class SubjectCardEndpoints
{
    public static IEndpointRouteBuilder MapSubjectCards(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/v1/subjects").WithTags("Subjects");
        cards.MapGet("/{id:int}/card", GetAsync)
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("A subject's card with name, ID number, phone and address masked (张*三, 3713**********1234).");
        cards.MapPost("/{id:int}/unmask", UnmaskAsync)
            .RequireAuthorization(Policies.UnmaskPersonalData)
            .WithSummary("The same card with personal data in clear, for a stated purpose; recorded in the audit trail.");
        return app;
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, SubjectCards cards, CancellationToken cancellationToken) =>
        await cards.MaskedAsync(id, user, cancellationToken) is { } card ? TypedResults.Ok(card) : SubjectProblems.NotFound(id);

    private static async Task<IResult> UnmaskAsync(
        int id, UnmaskRequest request, ClaimsPrincipal user, HttpContext context, SubjectCards cards, CancellationToken cancellationToken)
    {
        if (!SubjectCards.IsPurposeStated(request.Purpose))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = ["State why the clear data is needed (at least 4 characters)."] });
        }

        var card = await cards.UnmaskAsync(id, request.Purpose, user, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return card is null ? SubjectProblems.NotFound(id) : TypedResults.Ok(card);
    }
}
