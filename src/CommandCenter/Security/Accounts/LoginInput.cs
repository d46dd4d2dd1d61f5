namespace CommandCenter.Security.Accounts;

public class LoginInput
{
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}
