using System.Security.Cryptography;
using System.Text;
using CommandCenter.Security.Headers;

namespace CommandCenter.Tests.Security.Headers;

public class InlineStyleHashesTests
{
    [Fact]
    public void EveryStyleElementIsHashedByItsTextAlone()
    {
        var hashes = InlineStyleHashes.StylesIn("<style class='mud-theme-provider'>:root{--a:1}</style><div style=\"x\"></div><STYLE>b{}</STYLE>")
            .Select(InlineStyleHashes.Source).ToList();

        Assert.Equal([Expected(":root{--a:1}"), Expected("b{}")], hashes);
    }

    [Fact]
    public void ALibraryBuiltWithWindowsLineEndsIsHashedAsTheBrowserParsesIt()
    {
        Assert.Equal(Expected(".a {\n  b: c;\n}\n"), InlineStyleHashes.Source(".a {\r\n  b: c;\r\n}\r\n"));
    }

    private static string Expected(string css) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";
}
