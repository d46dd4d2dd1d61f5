using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Accounts;

/// <summary>What became of an account request: created, or refused with the problems per field.</summary>
public record AccountCreation(IReadOnlyDictionary<string, string[]> Problems)
{
    public static readonly AccountCreation Created = new(new Dictionary<string, string[]>());

    public bool Succeeded => Problems.Count == 0;

    /// <summary>The problems as Identity errors (code = field), for callers that print them.</summary>
    public IEnumerable<IdentityError> Errors =>
        Problems.SelectMany(p => p.Value.Select(description => new IdentityError { Code = p.Key, Description = $"{p.Key}: {description}" }));

    /// <summary>Identity's own refusals, filed under the field they are about.</summary>
    public static AccountCreation From(IdentityResult result) => new(result.Errors
        .GroupBy(e => e.Code switch
        {
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
            "DuplicateUserName" or "InvalidUserName" => "userName",
            _ => "role",
        })
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
