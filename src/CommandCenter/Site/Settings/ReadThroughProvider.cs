using Microsoft.Extensions.Primitives;

namespace CommandCenter.Site.Settings;

/// <summary>
/// Lends a running configuration provider to a configuration composed for one question ("what would the
/// options be with these values?") without loading it again or following its reloads.
/// </summary>
internal sealed class ReadThroughProvider(IConfigurationProvider inner) : IConfigurationProvider
{
    public bool TryGet(string key, out string? value) => inner.TryGet(key, out value);

    public void Set(string key, string? value) => throw new NotSupportedException("A composed configuration is read only.");

    public IChangeToken GetReloadToken() => NeverChanges.Token;

    public void Load()
    {
    }

    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) => inner.GetChildKeys(earlierKeys, parentPath);

    private static class NeverChanges
    {
        public static readonly IChangeToken Token = new CancellationChangeToken(CancellationToken.None);
    }
}
