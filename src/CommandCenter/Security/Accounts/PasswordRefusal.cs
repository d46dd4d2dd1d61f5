namespace CommandCenter.Security.Accounts;

/// <summary>Why a new password was refused: the field it is about, a code the page words in its language, and the English detail for the API.</summary>
public record PasswordRefusal(string Field, string Code, string Message)
{
    public const string WrongCurrent = "wrong-current";
    public const string Policy = "policy";
    public const string Unchanged = "unchanged";

    public Dictionary<string, string[]> AsProblems() => new() { [Field] = [Message] };
}
