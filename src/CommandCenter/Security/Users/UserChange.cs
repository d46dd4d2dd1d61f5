namespace CommandCenter.Security.Users;

/// <summary>What became of a commander's change to an account; a refusal says why (a field, a stale version, a rule).</summary>
public record UserChange(UserChangeKind Kind, string? Reason = null, IReadOnlyDictionary<string, string[]>? Problems = null, string? Password = null)
{
    public static readonly UserChange Done = new(UserChangeKind.Done);
    public static readonly UserChange NotFound = new(UserChangeKind.NotFound);
    public static readonly UserChange Stale = new(UserChangeKind.Stale, "The account was changed by somebody else since it was read; read it again.");

    public static UserChange Invalid(string field, string problem) => new(UserChangeKind.Invalid, Problems: new Dictionary<string, string[]> { [field] = [problem] });

    public static UserChange Refused(string reason) => new(UserChangeKind.Refused, reason);
}
