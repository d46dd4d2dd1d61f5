using CommandCenter.Security.Headers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CommandCenter.Components.Layout;

/// <summary>
/// The theme's <c>style</c> elements, rendered once as the layouts render them (dark for the hall, light for
/// printed reports), so the content security policy can name them by hash instead of allowing any inline style.
/// </summary>
public sealed class ThemeStyleSource(IServiceScopeFactory scopes, ILoggerFactory loggers) : IInlineStyleSource
{
    public async Task<IEnumerable<string>> StylesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new System.Text.StringBuilder();
            foreach (var dark in new[] { true, false })
            {
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = CommandCenterTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                }));
                html.Append(output.ToHtmlString());
            }

            return html.ToString();
        });
        return InlineStyleHashes.StylesIn(html);
    }
}
