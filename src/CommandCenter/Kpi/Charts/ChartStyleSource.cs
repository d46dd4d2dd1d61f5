using System.Text.RegularExpressions;
using CommandCenter.Security.Headers;

namespace CommandCenter.Kpi.Charts;

/// <summary>
/// apexcharts adds a <c>style</c> element for its legends, with a fixed stylesheet held in the bundle as a
/// template literal. It is read from the bundle this site serves, so the policy names exactly the text the
/// browser will get, whichever apexcharts version was bundled.
/// </summary>
public sealed partial class ChartStyleSource(IWebHostEnvironment environment) : IInlineStyleSource
{
    public async Task<IEnumerable<string>> StylesAsync(CancellationToken cancellationToken)
    {
        var bundle = environment.WebRootFileProvider.GetFileInfo(ApexChart.ModulePath.TrimStart('.', '/'));
        if (!bundle.Exists)
        {
            return [];
        }

        await using var stream = bundle.CreateReadStream();
        using var reader = new StreamReader(stream);
        var script = await reader.ReadToEndAsync(cancellationToken);

        // Only literals that are their text as written: no escapes, no substitutions (the browser would get another text).
        return StylesheetLiteral().Matches(script).Select(m => m.Groups["css"].Value).ToList();
    }

    [GeneratedRegex(@"`(?<css>\.apexcharts-[^`\\$]*)`")]
    private static partial Regex StylesheetLiteral();
}
