using System.Security.Claims;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

/// <summary>The commander's list of signed-in sessions (the wall's included), each revocable at once.</summary>
public partial class SessionsPage
{
    private List<UserSession> sessions = [];
    private string? mine;
    private string commander = "?";

    [Inject]
    private SessionStore Store { get; set; } = default!;

    [Inject]
    private IOptions<SecurityOptions> Options { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        mine = user.FindFirstValue(ClaimNames.Session);
        commander = user.Identity?.Name ?? "?";
        await LoadAsync();
    }

    private async Task LoadAsync() => sessions = await Store.ListActiveAsync(Options.Value.IdleTimeout);

    private async Task RevokeAsync(UserSession session)
    {
        // A circuit has no request to take an address from; the audit entry names the commander instead.
        await Store.RevokeByCommanderAsync(session.Id, commander, remoteAddress: null, CancellationToken.None);
        await LoadAsync();
    }

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
