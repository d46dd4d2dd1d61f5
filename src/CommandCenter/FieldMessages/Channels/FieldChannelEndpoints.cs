using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// The field-message channels for the commander: list, add, change (enable, disable), remove, and send a test
/// message. Secrets go in and never come out: an answer shows the address with its key masked and whether a secret is set.
/// </summary>
public static class FieldChannelEndpoints
{
    public static IEndpointRouteBuilder MapFieldChannels(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/v1/site/field-channels").WithTags("Field messages").RequireAuthorization(Policies.ManageAccess);
        channels.MapGet("/", (FieldChannelStore store, CancellationToken ct) => store.ListAsync(ct))
            .WithSummary("The channels to the field set up here (those of the configuration file work beside them and are not listed): addresses with their keys masked, whether a secret is set, never a secret.");
        channels.MapPost("/", AddAsync)
            .Accepts<FieldChannelInput>("application/json")
            .Produces<FieldChannelView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Adds a channel (name, kind, squad: empty for the commander's, a squad's code, or * for every squad; url; secret; phones, squadLeaders, body and contentType for SMS). In force on every node at once. 400 names every invalid field and stores nothing.");
        channels.MapPut("/{id:int}", ChangeAsync)
            .Accepts<FieldChannelInput>("application/json")
            .Produces<FieldChannelView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Changes a channel, all its fields given; a null url or secret keeps the stored one, an empty secret removes it. enabled: false stops its messages at once.");
        channels.MapDelete("/{id:int}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a channel; its messages not yet delivered are recorded as failed.");
        channels.MapPost("/{id:int}/test", TestAsync)
            .Produces<FieldChannelTestResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sends a harmless test text to the channel now (an SMS channel's first phone) and answers whether the receiver took it, with its answer.");
        return app;
    }

    private static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user, FieldChannelStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<FieldChannelInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await store.AddAsync(input!, user.Identity!.Name!, Remote(request), cancellationToken);
        return outcome.Channel is { } channel ? TypedResults.Created($"/api/v1/site/field-channels/{channel.Id}", channel) : Answer(outcome);
    }

    private static async Task<IResult> ChangeAsync(int id, HttpRequest request, ClaimsPrincipal user, FieldChannelStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<FieldChannelInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await store.ChangeAsync(id, input!, user.Identity!.Name!, Remote(request), cancellationToken);
        return outcome.Channel is { } channel ? TypedResults.Ok(channel) : Answer(outcome);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpRequest request, ClaimsPrincipal user, FieldChannelStore store, CancellationToken cancellationToken)
    {
        var outcome = await store.DeleteAsync(id, user.Identity!.Name!, Remote(request), cancellationToken);
        return outcome.Status == StatusCodes.Status200OK ? TypedResults.NoContent() : Answer(outcome);
    }

    private static async Task<IResult> TestAsync(int id, HttpRequest request, ClaimsPrincipal user, FieldChannelStore store, CancellationToken cancellationToken)
    {
        var (outcome, result) = await store.TestAsync(id, user.Identity!.Name!, Remote(request), cancellationToken);
        return result is not null ? TypedResults.Ok(result) : Answer(outcome);
    }

    private static IResult Answer(FieldChannelOutcome outcome) => outcome.Status == StatusCodes.Status404NotFound
        ? TypedResults.Problem(title: "No such channel.", statusCode: StatusCodes.Status404NotFound)
        : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(outcome.Errors))
        {
            Status = outcome.Status,
            Title = "The channel is not valid; nothing was stored.",
        });

    private static string? Remote(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString();
}
