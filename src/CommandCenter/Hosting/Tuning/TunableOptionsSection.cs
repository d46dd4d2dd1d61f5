using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Hosting.Tuning;

/// <summary>The tunable fields of one options class, checked by the same rules that validate it at start-up.</summary>
public sealed class TunableOptionsSection<TOptions>(string section, IReadOnlyList<TunableField> fields) : TunableSection
    where TOptions : class, new()
{
    // Enum names and "c"-format durations, as configuration writes them.
    private static readonly JsonSerializerOptions AsConfiguration = new() { Converters = { new JsonStringEnumConverter() } };

    public override string Section => section;

    public override IReadOnlyList<TunableField> Fields => fields;

    public override IReadOnlyList<OptionsProblem> Check(IConfiguration candidate, IServiceProvider services)
    {
        TOptions options;
        try
        {
            options = Bind(candidate);
        }
        catch (InvalidOperationException exception)
        {
            return [new OptionsProblem(section, exception.Message)];
        }

        var problems = new List<OptionsProblem>();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                problems.Add(new OptionsProblem(member.Length == 0 ? section : $"{section}:{member}", result.ErrorMessage ?? member));
            }
        }

        if (options is ICheckedOptions checkedOptions)
        {
            problems.AddRange(checkedOptions.Problems().Select(p => p with { Key = $"{section}:{p.Key}" }));
        }

        // Whatever else validates these options at start-up (a rule added later) guards the change too.
        if (problems.Count == 0)
        {
            foreach (var validation in services.GetServices<IValidateOptions<TOptions>>())
            {
                if (validation.Validate(Options.DefaultName, options) is { Failed: true } failed)
                {
                    problems.AddRange(failed.Failures?.Select(f => new OptionsProblem(section, f)) ?? [new OptionsProblem(section, failed.FailureMessage)]);
                }
            }
        }

        return problems;
    }

    public override IReadOnlyDictionary<string, string?> Values(IConfiguration configuration)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(JsonSerializer.SerializeToElement(Bind(configuration), AsConfiguration), section, flat);
        return fields.ToDictionary(f => f.Key, f => flat.GetValueOrDefault(f.Key), StringComparer.OrdinalIgnoreCase);
    }

    private TOptions Bind(IConfiguration configuration)
    {
        var options = new TOptions();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string?> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{path}:{property.Name}", into);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}:{index++}", into);
                }

                break;
            case JsonValueKind.String:
                into[path] = element.GetString();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                into[path] = element.GetBoolean() ? "true" : "false";
                break;
            case JsonValueKind.Number:
                into[path] = element.GetRawText();
                break;
            default:
                into[path] = null;
                break;
        }
    }
}
