using System.Globalization;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Security.Tokens;

/// <summary>The commander's integration tokens: created (the secret shown this once), listed with their use, revoked.</summary>
public partial class TokensPage
{
    private List<TokenEndpoints.TokenSummary> tokens = [];
    private Dictionary<string, string[]> errors = [];
    private TokenEndpoints.CreatedToken? created;
    private string? name;
    private string role = Roles.Forwarder;
    private string commander = "?";

    [Inject]
    private IntegrationTokens Store { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        commander = (await Authentication).User.Identity?.Name ?? "?";
        tokens = await Store.ListAsync();
    }

    private async Task CreateAsync()
    {
        created = null;
        errors = IntegrationTokens.Problems(name, role);
        if (errors.Count > 0)
        {
            return;
        }

        // A circuit has no request to take an address from; the audit entry names the commander.
        created = await Store.CreateAsync(name!, role, commander, remoteAddress: null);
        name = null;
        tokens = await Store.ListAsync();
    }

    private async Task RevokeAsync(int id)
    {
        created = null;
        await Store.RevokeAsync(id, commander, remoteAddress: null);
        tokens = await Store.ListAsync();
    }

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
