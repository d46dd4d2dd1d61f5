using Microsoft.Extensions.Options;

namespace CommandCenter.Hosting.Tuning;

/// <summary>Runs an options class's own checks wherever its options are validated: at start-up and on each reload.</summary>
public sealed class CheckedOptionsValidation<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class, ICheckedOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = options.Problems().Select(p => $"{section}:{p.Key}: {p.Message}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
