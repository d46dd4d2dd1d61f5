using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CommandCenter.Security.Headers;

/// <summary>The texts of the <c>style</c> elements in a piece of HTML, and their CSP hash sources (<c>'sha256-…'</c>).</summary>
public static partial class InlineStyleHashes
{
    public static IEnumerable<string> StylesIn(string html) =>
        StyleElement().Matches(html).Select(m => m.Groups["css"].Value);

    /// <summary>
    /// The browser hashes the element's text as parsed, and the HTML parser turns every CR LF into LF, so a
    /// library compiled on Windows must be hashed as the browser will see it.
    /// </summary>
    public static string Source(string css) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css.Replace("\r\n", "\n").Replace('\r', '\n'))))}'";

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
