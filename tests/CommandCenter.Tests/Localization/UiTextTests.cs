using System.Collections;
using System.Globalization;
using System.Resources;
using CommandCenter.Localization;

namespace CommandCenter.Tests.Localization;

public class UiTextTests
{
    private static readonly ResourceManager Resources = new("CommandCenter.Localization.UiText", typeof(UiText).Assembly);

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EveryChineseTextHasAnEnglishOne()
    {
        var chinese = Texts(CultureInfo.InvariantCulture);
        var english = Texts(new CultureInfo("en"));

        var missing = chinese.Keys.Where(key => !english.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).ToList();

        Assert.True(chinese.Count > 100);
        Assert.True(missing.Count == 0, "Missing in English: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheEnglishTextsAreEnglish()
    {
        var chinese = Texts(CultureInfo.InvariantCulture);
        var english = Texts(new CultureInfo("en"));

        // Chinese terms of art may stand in brackets beside their English (脱管, 三会一课), but never alone.
        var untranslated = english.Where(e => e.Value.Any(c => c is >= '\u4e00' and <= '\u9fff') && !e.Value.Any(char.IsAsciiLetter))
            .Select(e => e.Key).ToList();

        Assert.True(untranslated.Count == 0, "Chinese left in English texts: " + string.Join(", ", untranslated));
        Assert.Equal(chinese.Count, english.Count);
    }
}
