using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Kit;
using CommandCenter.Security.Audit;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.TwoFactor;

public static class SecondFactorEndpoints
{
    public static IEndpointRouteBuilder MapSecondFactorRoles(this IEndpointRouteBuilder app)
    {
        var roles = app.MapGroup("/api/v1/security/second-factor/roles").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        roles.MapGet("/", (SecondFactorRoles settings, CancellationToken cancellationToken) => settings.ListAsync(cancellationToken))
            .WithSummary("Every desk role and whether its people must sign in with an authenticator (always for commanders and auditors).");
        roles.MapPut("/{role}", SetAsync)
            .WithSummary("Requires an authenticator for a desk role, or stops requiring it; commanders and auditors always need one. Audited.");
        return app;
    }

    private static async Task<IResult> SetAsync(
        string role,
        HttpRequest request,
        ClaimsPrincipal user,
        IDbContextFactory<CommandCenterDb> factory,
        AuditTrail audit,
        SecondFactorRoles settings,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!SecondFactorRoles.Desk.Contains(role))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["role"] = [$"'{Shorten(role)}' is not a desk role; use one of: {string.Join(", ", SecondFactorRoles.Desk)}."] },
                title: "The setting was not changed.");
        }

        var (change, problem) = await JsonBody.ReadAsync<SecondFactorRoleChange>(request, optional: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (change!.Required is not { } required)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["required"] = ["Say true or false."] }, title: "The setting was not changed.");
        }

        if (SecondFactorRoles.IsAlwaysRequired(role) && !required)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["required"] = [$"The {role} role always needs an authenticator."] },
                title: "The setting was not changed.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var setting = await db.SecondFactorRoles.FindAsync([role], cancellationToken);
        if (setting is null)
        {
            setting = new SecondFactorRoleSetting { Role = role };
            db.SecondFactorRoles.Add(setting);
        }

        setting.Required = required;
        setting.ChangedAt = time.GetUtcNow();
        setting.ChangedBy = user.Identity!.Name!;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(
            user.Identity.Name!, AuditActions.SettingsChanged, $"second-factor:{role}", required ? "required" : "optional", request.HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await settings.ListAsync(cancellationToken));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
