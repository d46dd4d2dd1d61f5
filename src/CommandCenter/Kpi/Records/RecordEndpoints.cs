using CommandCenter.Security;

namespace CommandCenter.Kpi.Records;

/// <summary>The JSON API of one kind of dated KPI record: list, read, add, replace, delete.</summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecords<T>(this RouteGroupBuilder api, string path, string what)
        where T : class, IKpiRecord
    {
        // The handlers are passed as Delegate values: the route-handler analyzer fails on method groups of a generic type.
        Delegate list = RecordHandlers<T>.ListAsync, get = RecordHandlers<T>.GetAsync, add = RecordHandlers<T>.AddAsync,
            replace = RecordHandlers<T>.ReplaceAsync, delete = RecordHandlers<T>.DeleteAsync;
        var records = api.MapGroup($"/records/{path}").WithTags("KPI records").RequireAuthorization(Policies.ReadKpiData);
        records.MapGet("/", list)
            .WithSummary($"The {what} dated from `from` to `to` (yyyy-MM-dd, both inclusive, either optional), newest first.")
            .Produces<List<T>>();
        records.MapGet("/{id:int}", get)
            .WithSummary($"One of the {what}.")
            .Produces<T>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        records.MapPost("/", add)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary($"Add one of the {what}; 400 names every invalid field, and nothing is stored.")
            .Accepts<T>("application/json")
            .Produces<T>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        records.MapPut("/{id:int}", replace)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary($"Replace one of the {what}; 400 names every invalid field, and nothing is changed.")
            .Accepts<T>("application/json")
            .Produces<T>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        records.MapDelete("/{id:int}", delete)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary($"Delete one of the {what}.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
