namespace CommandCenter.Security.Accounts;

/// <summary>Only paths on this site are followed after sign-in or a language switch, never another site's address.</summary>
public static class LocalReturnUrl
{
    public static string Of(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    /// <summary>
    /// The rules of ASP.NET Core's <c>Url.IsLocalUrl</c>, for places without a URL helper: a path starting with
    /// one '/' whose second character is neither '/' nor '\' (browsers read both "//host" and "/\host" as
    /// another site) and with no control character anywhere, since browsers drop tabs and line breaks from a
    /// URL, so "/\t/host" becomes "//host". The "~/" form is not accepted: nothing here hands it out.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
