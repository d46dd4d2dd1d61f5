using System.Globalization;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Privacy;

/// <summary>A subject's card, masked; and the unmasking of it, which needs the role, a stated purpose, and is audited.</summary>
public static class SubjectCardEndpoints
{
    public static IEndpointRouteBuilder MapSubjectCards(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/v1/subjects").WithTags("Subjects");
        cards.MapGet("/{id:int}/card", GetAsync)
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("A subject's card with name, ID number and phone masked (张*三, 3713**********1234).");
        cards.MapPost("/{id:int}/unmask", UnmaskAsync)
            .RequireAuthorization(Policies.UnmaskPersonalData)
            .WithSummary("The same card with personal data in clear, for a stated purpose; recorded in the audit trail.");
        return app;
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        var subject = await FindVisibleAsync(id, user, factory, cancellationToken);
        return subject is null ? NotFound(id) : TypedResults.Ok(ToCard(subject, masked: true));
    }

    private static async Task<IResult> UnmaskAsync(
        int id, UnmaskRequest request, ClaimsPrincipal user, HttpContext context, IDbContextFactory<CommandCenterDb> factory,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Trim().Length < 4)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = ["State why the clear data is needed (at least 4 characters)."] });
        }

        var subject = await FindVisibleAsync(id, user, factory, cancellationToken);
        if (subject is null)
        {
            return NotFound(id);
        }

        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Unmask, $"subject:{subject.Code}", request.Purpose.Trim(),
            context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return TypedResults.Ok(ToCard(subject, masked: false));
    }

    /// <summary>A squad leader sees only the subjects of their own squad; for anybody else the subject does not exist.</summary>
    private static async Task<Subject?> FindVisibleAsync(int id, ClaimsPrincipal user, IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var squad = SquadScope.Of(user);
        return squad is null || squad == subject.SquadId ? subject : null;
    }

    private static SubjectCard ToCard(Subject subject, bool masked) => new(
        subject.Id,
        subject.Code,
        masked ? PersonalDataMask.Name(subject.Name) : subject.Name,
        masked ? PersonalDataMask.IdNumber(subject.IdNumber) : subject.IdNumber,
        masked ? PersonalDataMask.Phone(subject.Phone) : subject.Phone,
        subject.CorrectionType.ToString(),
        subject.SupervisionLevel.ToString(),
        subject.RiskLevel.ToString(),
        subject.SquadId,
        masked);

    private static IResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subject.", detail: string.Create(CultureInfo.InvariantCulture, $"There is no subject {id} you may see."));
}
