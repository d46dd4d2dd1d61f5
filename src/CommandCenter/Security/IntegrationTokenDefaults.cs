namespace CommandCenter.Security;

/// <summary>The bearer scheme of integration tokens: <c>Authorization: Bearer cct_…</c>.</summary>
public static class IntegrationTokenDefaults
{
    public const string Scheme = "IntegrationToken";

    /// <summary>Every token starts with this, so a leaked one is easy to recognise in logs and repositories.</summary>
    public const string Prefix = "cct_";
}
