using System.Globalization;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Localization;

/// <summary>The product's text resources, as the app's localizer reads them, for tests that call code taking one.</summary>
public static class Texts
{
    public static IStringLocalizer<UiText> Localizer { get; } =
        new StringLocalizer<UiText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Runs <paramref name="read"/> with the UI culture set to <paramref name="culture"/>, as a request in that language would.</summary>
    public static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
