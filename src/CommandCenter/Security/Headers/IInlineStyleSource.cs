namespace CommandCenter.Security.Headers;

/// <summary>
/// Something that puts <c>&lt;style&gt;</c> elements into pages (the UI library's theme, the chart library's
/// legend): it tells the content security policy their exact text, so that those and no others are applied.
/// </summary>
public interface IInlineStyleSource
{
    /// <summary>The text of every <c>style</c> element the source may add, as the browser will read it.</summary>
    Task<IEnumerable<string>> StylesAsync(CancellationToken cancellationToken);
}
