using System.Security.Claims;
using CommandCenter.Hosting;

namespace CommandCenter.Kpi.Records;

/// <summary>The handlers behind <see cref="RecordEndpoints.MapRecords{T}"/>, one set per kind of record.</summary>
public static class RecordHandlers<T>
    where T : class, IKpiRecord
{
    // The bounds are checked here rather than by attributes: the OpenAPI document fails on validation attributes
    // of a generic type's handler parameters (.NET 10).
    public static async Task<IResult> ListAsync(KpiRecordStore store, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, day) in new[] { ("from", from), ("to", to) })
        {
            if (day is { } given && !PlausibleDates.Contains(given, time))
            {
                errors[field] = [PlausibleDates.Explain(time)];
            }
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await store.ListAsync<T>(from, to, cancellationToken));
    }

    public static async Task<IResult> GetAsync(int id, KpiRecordStore store, CancellationToken cancellationToken) =>
        await store.FindAsync<T>(id, cancellationToken) is { } record ? TypedResults.Ok(record) : NotFound(id);

    public static async Task<IResult> AddAsync(T record, HttpRequest request, ClaimsPrincipal user, KpiRecordStore store, CancellationToken cancellationToken)
    {
        record.Id = 0;
        var result = await store.SaveAsync(record, user.Identity!.Name!, cancellationToken);
        return result.Saved ? TypedResults.Created($"{request.Path.Value?.TrimEnd('/')}/{result.Id}", record) : Refused(result);
    }

    public static async Task<IResult> ReplaceAsync(int id, T record, ClaimsPrincipal user, KpiRecordStore store, CancellationToken cancellationToken)
    {
        record.Id = id;
        var result = await store.SaveAsync(record, user.Identity!.Name!, cancellationToken);
        return result.Saved ? TypedResults.Ok(record) : result.NotFound ? NotFound(id) : Refused(result);
    }

    public static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, KpiRecordStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync<T>(id, user.Identity!.Name!, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static IResult Refused(RecordSaveResult result) =>
        TypedResults.ValidationProblem(
            result.Errors,
            title: "The record is invalid; nothing was stored.",
            detail: string.Join(" ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static IResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such record.", detail: $"There is no record with id {id}.");
}
