using CommandCenter.Kit;
using System.Security.Claims;
using CommandCenter.Security;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects.Positioning;

/// <summary>The electronic-positioning orders of a subject: list, request, extend, approve, reject, end early.</summary>
public static class PositioningEndpoints
{
    public static RouteGroupBuilder MapPositioningOrders(this RouteGroupBuilder subjects)
    {
        var orders = subjects.MapGroup("/{id:int}/orders").WithTags("Positioning orders");
        orders.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("The subject's electronic-positioning orders, newest first, with whether each is in force today and ends soon.")
            .Produces<List<OrderView>>();
        orders.MapPost("/", RequestAsync)
            .RequireAuthorization(Policies.RequestPositioning)
            .Accepts<OrderRequest>("application/json")
            .WithSummary("Requests an order on one of the five grounds (reason), startDate from today, endDate at most 3 months on; it is not in force until a commander approves it. 400 names every broken limit.");
        orders.MapPost("/{orderId:int}/extend", ExtendAsync)
            .RequireAuthorization(Policies.RequestPositioning)
            .Accepts<ExtensionRequest>("application/json")
            .WithSummary("Requests an extension of an approved order before it ends: it starts the day after, runs at most 3 months (endDate) and needs a reassessment.");
        orders.MapPost("/{orderId:int}/approve", ApproveAsync)
            .RequireAuthorization(Policies.ApprovePositioning)
            .WithSummary("Approves a requested order (not one's own request); a request decided after its start day takes effect on the day of approval.");
        orders.MapPost("/{orderId:int}/reject", RejectAsync)
            .RequireAuthorization(Policies.ApprovePositioning)
            .Accepts<RejectionRequest>("application/json")
            .WithSummary("Rejects a requested order, with a note.");
        orders.MapPost("/{orderId:int}/end", EndAsync)
            .RequireAuthorization(Policies.EndPositioning)
            .Accepts<EndRequest>("application/json")
            .WithSummary("Lifts an order that is no longer needed, with effect from today (its last day becomes yesterday), with a reason.");
        return subjects;
    }

    private static async Task<IResult> ListAsync(int id, ClaimsPrincipal user, PositioningStore store, IOptions<SubjectsOptions> options, CancellationToken cancellationToken) =>
        await store.ListAsync(id, user, options.Value.OrderExpiryWarningDays, cancellationToken) is { } orders
            ? TypedResults.Ok(orders)
            : SubjectProblems.NotFound(id);

    private static Task<IResult> RequestAsync(int id, HttpRequest http, ClaimsPrincipal user, PositioningStore store, CancellationToken cancellationToken) =>
        WithBodyAsync<OrderRequest>(http, id, body => store.RequestAsync(id, body, user, cancellationToken), cancellationToken);

    private static Task<IResult> ExtendAsync(int id, int orderId, HttpRequest http, ClaimsPrincipal user, PositioningStore store, CancellationToken cancellationToken) =>
        WithBodyAsync<ExtensionRequest>(http, id, body => store.ExtendAsync(id, orderId, body, user, cancellationToken), cancellationToken);

    private static async Task<IResult> ApproveAsync(int id, int orderId, ClaimsPrincipal user, PositioningStore store, CancellationToken cancellationToken) =>
        Answer(id, await store.ApproveAsync(id, orderId, user, cancellationToken));

    private static Task<IResult> RejectAsync(int id, int orderId, HttpRequest http, ClaimsPrincipal user, PositioningStore store, CancellationToken cancellationToken) =>
        WithBodyAsync<RejectionRequest>(http, id, body => store.RejectAsync(id, orderId, body, user, cancellationToken), cancellationToken);

    private static Task<IResult> EndAsync(int id, int orderId, HttpRequest http, ClaimsPrincipal user, PositioningStore store, CancellationToken cancellationToken) =>
        WithBodyAsync<EndRequest>(http, id, body => store.EndAsync(id, orderId, body, user, cancellationToken), cancellationToken);

    private static async Task<IResult> WithBodyAsync<T>(HttpRequest http, int id, Func<T, Task<OrderResult>> step, CancellationToken cancellationToken)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(http, cancellationToken);
        return problem ?? Answer(id, await step(body!));
    }

    private static IResult Answer(int id, OrderResult result) => result.Outcome switch
    {
        OrderOutcome.Done => TypedResults.Ok(new { id = result.OrderId }),
        OrderOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The order step breaks a legal limit; nothing was stored."),
        OrderOutcome.Forbidden => TypedResults.Forbid(),
        _ => SubjectProblems.NotFound(id),
    };
}
