namespace CommandCenter.Security.Accounts;

/// <summary>
/// The limits of an account request, checked before anything is stored so every fault is a 400 naming its field
/// (camelCase, as the JSON has it) rather than a database error or an account stored in part.
/// </summary>
public static class NewAccountCheck
{
    public const int UserNameMin = 3;
    public const int UserNameMax = 64;
    public const int DisplayNameMax = 64;
    public const int PasswordMin = 12;
    public const int PasswordMax = 128;

    public static Dictionary<string, string[]> Problems(NewAccount account, string allowedUserNameCharacters)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(account.UserName))
        {
            problems["userName"] = ["Required."];
        }
        else if (account.UserName.Length is < UserNameMin or > UserNameMax)
        {
            problems["userName"] = [$"{UserNameMin} to {UserNameMax} characters; this one has {account.UserName.Length}."];
        }
        else if (account.UserName.Any(c => !allowedUserNameCharacters.Contains(c)))
        {
            problems["userName"] = [$"Only these characters: {allowedUserNameCharacters}"];
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            problems["displayName"] = ["Required."];
        }
        else if (account.DisplayName.Length > DisplayNameMax || account.DisplayName.Any(char.IsControl))
        {
            problems["displayName"] = [$"At most {DisplayNameMax} characters and no control characters."];
        }

        if (string.IsNullOrEmpty(account.Role) || !Roles.People.Contains(account.Role))
        {
            problems["role"] = [$"One of: {string.Join(", ", Roles.People)}."];
        }
        else if (account.Role == Roles.SquadLeader && account.SquadId is null)
        {
            problems["squadId"] = ["A squad leader needs the squad they lead."];
        }

        if (string.IsNullOrEmpty(account.Password))
        {
            problems["password"] = ["Required."];
        }
        else if (account.Password.Length is < PasswordMin or > PasswordMax)
        {
            problems["password"] = [$"{PasswordMin} to {PasswordMax} characters."];
        }

        return problems;
    }
}
