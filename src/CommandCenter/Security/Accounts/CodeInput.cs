using System.Text.RegularExpressions;

namespace CommandCenter.Security.Accounts;

/// <summary>A six-digit code from an authenticator app.</summary>
public class CodeInput
{
    public string Code { get; set; } = string.Empty;

    /// <summary>Six digits, optionally split 3+3 as authenticator apps show them.</summary>
    public static bool IsWellFormed(string? code) => code is not null && Regex.IsMatch(code, @"^\s*\d{3}\s?\d{3}\s*$");
}
