using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CommandCenter.Hosting;

/// <summary>
/// Refuses a query value for an enum parameter that is not one of its names. Minimal APIs bind query enums
/// with <see cref="Enum.TryParse(Type, string?, bool, out object?)"/>, which takes any number ("riskLevel=99"
/// or "=1"); bodies are held to names by the JSON options, and queries must be held to the same.
/// </summary>
public sealed class EnumNamesInQuery(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<MethodInfo, (string Name, Type Enum)[]> Parameters = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, type) in Parameters.GetOrAdd(handler, EnumParametersOf))
            {
                if (context.Request.Query.TryGetValue(name, out var values)
                    && values.Any(v => !string.IsNullOrEmpty(v) && !Enum.GetNames(type).Contains(v.Trim(), StringComparer.Ordinal)))
                {
                    errors[JsonNamingPolicy.CamelCase.ConvertName(name)] = [$"'{values}' is not one of: {string.Join(", ", Enum.GetNames(type))}."];
                }
            }

            if (errors.Count > 0)
            {
                await TypedResults.ValidationProblem(errors, title: "A query value is not one of its choices.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static (string Name, Type Enum)[] EnumParametersOf(MethodInfo handler) =>
        [.. handler.GetParameters().SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
            ? QueryEnum(p.Name, p.ParameterType, p)
            : p.ParameterType.GetProperties().SelectMany(property => QueryEnum(property.Name, property.PropertyType, property)))];

    private static IEnumerable<(string Name, Type Enum)> QueryEnum(string? name, Type type, ICustomAttributeProvider source)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (name is null || !enumType.IsEnum || source.IsDefined(typeof(FromRouteAttribute), true) || source.IsDefined(typeof(FromBodyAttribute), true))
        {
            yield break;
        }

        var query = source.GetCustomAttributes(typeof(FromQueryAttribute), true).OfType<FromQueryAttribute>().FirstOrDefault();
        yield return (query?.Name ?? name, enumType);
    }
}
