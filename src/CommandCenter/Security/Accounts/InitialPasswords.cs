using System.Security.Cryptography;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// Passwords a commander hands over (a new account, a reset): random, long, and always within the policy
/// (upper, lower, digit), without letters that are confused when read aloud or copied from a screen.
/// </summary>
public static class InitialPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New() =>
        RandomNumberGenerator.GetString(Upper, 4) + "-" + RandomNumberGenerator.GetString(Lower, 4) + "-"
        + RandomNumberGenerator.GetString(Digits, 4) + "-" + RandomNumberGenerator.GetString(Upper + Lower + Digits, 4);
}
