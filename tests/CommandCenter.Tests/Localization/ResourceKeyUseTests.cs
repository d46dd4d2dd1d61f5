using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommandCenter.Localization;

namespace CommandCenter.Tests.Localization;

/// <summary>
/// Every text in the resources is read by the product's code. Code names a key in quotes ("Desk.Title"), builds it
/// from a template ($"Rule.{rule}", "Desk.Place." + kind), or renders an enum's values by its type's name
/// (<c>EnumSelect TEnum="CorrectionType"</c>), so a key counts as used when one of those forms matches it.
/// </summary>
public partial class ResourceKeyUseTests
{
    private static readonly ResourceManager Resources = new("CommandCenter.Localization.UiText", typeof(UiText).Assembly);

    [Fact]
    public void EveryResourceKeyIsReadSomewhereInTheCode()
    {
        var source = Source();
        var templates = Template().Matches(source).Select(m => m.Groups[1].Value)
            .Select(t => new Regex("^" + Placeholder().Replace(Regex.Escape(t), "[^.]+") + "$"))
            .Concat(Prefix().Matches(source).Select(m => new Regex("^" + Regex.Escape(m.Groups[1].Value) + "[^.]+$")))
            .ToList();

        var unused = Keys().Where(key => !source.Contains($"\"{key}\"", StringComparison.Ordinal)
                && !templates.Any(t => t.IsMatch(key))
                && !RenderedByTypeName(source, key))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, "Resource keys no code reads: " + string.Join(", ", unused));
    }

    private static bool RenderedByTypeName(string source, string key) =>
        key.Split('.') is [var type, _]
        && (source.Contains($"TEnum=\"{type}\"", StringComparison.Ordinal) || source.Contains($"GetValues<{type}>", StringComparison.Ordinal));

    private static IEnumerable<string> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key);

    private static string Source()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var files = Directory.EnumerateFiles(Path.Combine(directory.FullName, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"));
        return string.Join('\n', files.Select(File.ReadAllText));
    }

    /// <summary>An interpolated key: a string that starts with a name and a dot and holds a placeholder.</summary>
    [GeneratedRegex(@"\$""([A-Z][A-Za-z0-9]*\.[^""\n]*\{[^""\n]*)""")]
    private static partial Regex Template();

    [GeneratedRegex(@"\\\{[^}]*\}")]
    private static partial Regex Placeholder();

    /// <summary>A key's fixed start joined to the rest: "Desk.Place." + kind.</summary>
    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)""\s*\+")]
    private static partial Regex Prefix();
}
