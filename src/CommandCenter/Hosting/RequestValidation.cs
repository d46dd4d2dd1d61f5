using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace CommandCenter.Hosting;

/// <summary>
/// Applies the validation attributes of a body that an endpoint reads itself (to answer a broken body with a
/// 400 naming the field, which parameter binding cannot) with the same machinery, and the same answer, as the
/// framework's own validation of bound parameters.
/// </summary>
public static class RequestValidation
{
    /// <summary>The field errors of the body, keyed as the framework keys them; empty when it is valid.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(object body, HttpContext context)
    {
        // .NET 10 marks validating an object by hand as experimental (ASP0029) although its documentation shows
        // this very use; the alternative, a second validator beside the framework's, could drift from it.
#pragma warning disable ASP0029
        var options = context.RequestServices.GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!options.TryGetValidatableTypeInfo(body.GetType(), out var info))
        {
            return [];
        }

        var validation = new ValidateContext
        {
            ValidationOptions = options,
            ValidationContext = new ValidationContext(body, context.RequestServices, items: null),
        };
        await info.ValidateAsync(body, validation, context.RequestAborted);
#pragma warning restore ASP0029
        return validation.ValidationErrors is { Count: > 0 } errors ? new Dictionary<string, string[]>(errors) : [];
    }

    /// <summary>A 400 with the errors by field, and the same in one sentence for a reader that shows only the detail.</summary>
    public static IResult Problem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: "One or more validation errors occurred; nothing was stored.",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}
