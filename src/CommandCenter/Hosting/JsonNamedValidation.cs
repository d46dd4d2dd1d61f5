using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Validation;

namespace CommandCenter.Hosting;

#pragma warning disable ASP0029 // .NET 10 marks the validation extension points as experimental; they are the documented way in.

/// <summary>
/// Wraps the framework's validation resolvers so that its errors name the fields as the JSON does
/// ("items[0].purpose", not "Items[0].Purpose"), like every other 400 of the API. The framework keys them by
/// the C# property names and has no setting for it.
/// </summary>
public sealed class JsonNamedValidation(IValidatableInfoResolver inner) : IValidatableInfoResolver
{
    public bool TryGetValidatableTypeInfo(Type type, [NotNullWhen(true)] out IValidatableInfo? validatableInfo) =>
        Wrap(inner.TryGetValidatableTypeInfo(type, out var info), info, out validatableInfo);

    public bool TryGetValidatableParameterInfo(ParameterInfo parameterInfo, [NotNullWhen(true)] out IValidatableInfo? validatableInfo) =>
        Wrap(inner.TryGetValidatableParameterInfo(parameterInfo, out var info), info, out validatableInfo);

    /// <summary>Keys errors by JSON names: each dotted segment camel-cased, as the API's JSON options name properties.</summary>
    public static Dictionary<string, string[]> Rename(IDictionary<string, string[]> errors)
    {
        var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var name = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            renamed[name] = renamed.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        return renamed;
    }

    private static bool Wrap(bool found, IValidatableInfo? info, out IValidatableInfo? wrapped)
    {
        wrapped = found && info is not null ? new Renaming(info) : null;
        return wrapped is not null;
    }

    private sealed class Renaming(IValidatableInfo inner) : IValidatableInfo
    {
        public async Task ValidateAsync(object? value, ValidateContext context, CancellationToken cancellationToken)
        {
            await inner.ValidateAsync(value, context, cancellationToken);
            if (context.ValidationErrors is { Count: > 0 } errors)
            {
                context.ValidationErrors = Rename(errors);
            }
        }
    }
}
