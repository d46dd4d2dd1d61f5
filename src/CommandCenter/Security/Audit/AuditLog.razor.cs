using System.Reflection;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Security.Audit;

/// <summary>The auditor's view of the trail: filter, page, export, and check the hash chain.</summary>
public partial class AuditLog
{
    private static readonly string[] KnownActions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!).Order().ToArray();

    private MudTable<AuditEntry>? table;
    private string? actor;
    private string? action;
    private DateTime? from;
    private DateTime? to;
    private AuditChainReport? chain;

    [Inject]
    private AuditReader Reader { get; set; } = default!;

    [Inject]
    private AuditChainVerifier Verifier { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    private string ExportLink
    {
        get
        {
            var query = new List<string>();
            if (!string.IsNullOrWhiteSpace(actor))
            {
                query.Add($"actor={Uri.EscapeDataString(actor)}");
            }

            if (!string.IsNullOrWhiteSpace(action))
            {
                query.Add($"action={Uri.EscapeDataString(action)}");
            }

            if (From() is { } start)
            {
                query.Add($"from={Uri.EscapeDataString(start.ToString("O"))}");
            }

            if (To() is { } end)
            {
                query.Add($"to={Uri.EscapeDataString(end.ToString("O"))}");
            }

            return "/api/v1/audit/export" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        }
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Reader.ReadAsync(new AuditQuery(actor, action, From(), To(), state.Page + 1, state.PageSize), cancellationToken);
        return new TableData<AuditEntry> { TotalItems = page.Total, Items = page.Entries };
    }

    private Task SearchAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task VerifyAsync() => chain = await Verifier.VerifyWithAnchorsAsync();

    /// <summary>The picked days are the site's days; the period runs from the start of the first to the end of the last.</summary>
    private DateTimeOffset? From() => from is { } day ? Clock.StartOfDay(DateOnly.FromDateTime(day)) : null;

    private DateTimeOffset? To() => to is { } day ? Clock.StartOfDay(DateOnly.FromDateTime(day).AddDays(1)) : null;
}
