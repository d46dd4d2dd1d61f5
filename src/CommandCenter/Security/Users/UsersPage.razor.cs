using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Kit.Forms;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.TwoFactor;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Users;

/// <summary>
/// The commander's accounts page: every account with its state, a new account (its password shown once), and the
/// changes a commander may make to another's. Each change runs in a scope of its own so that no account read earlier
/// in the circuit is taken for the current one; the rules and the audit are those of the API.
/// </summary>
public partial class UsersPage
{
    private IReadOnlyList<UserRow> rows = [];
    private IReadOnlyList<SquadChoice> squads = [];
    private IReadOnlyList<SecondFactorRoleState> secondFactorRoles = [];
    private UserForm form = new() { Role = Roles.DutyOfficer };
    private UserForm edit = new();
    private UserRow? selected;
    private Dictionary<string, string[]> errors = [];
    private string? shownPassword;
    private string? shownPasswordFor;
    private string? notice;
    private bool noticeIsError;
    private UserActor actor = new(string.Empty, "?", null);

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private ISquadDirectory Squads { get; set; } = default!;

    [Inject]
    private SecondFactorRoles SecondFactor { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            actor = new UserActor(scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>().GetUserId(user) ?? string.Empty, user.Identity?.Name ?? "?", null);
        }

        squads = await Squads.ListAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        rows = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync();
        secondFactorRoles = await SecondFactor.ListAsync();
        selected = selected is null ? null : rows.FirstOrDefault(r => r.Id == selected.Id);
    }

    private void Select(UserRow row)
    {
        selected = row;
        errors = [];
        edit = new UserForm { DisplayName = row.DisplayName, Role = row.Role, SquadId = row.SquadId };
    }

    private async Task CreateAsync()
    {
        Clear();
        var chosen = string.IsNullOrEmpty(form.Password) ? InitialPasswords.New() : null;
        var account = new NewAccount(form.UserName?.Trim() ?? string.Empty, form.DisplayName?.Trim() ?? string.Empty, form.Role ?? string.Empty, form.SquadId,
            chosen ?? form.Password!, MustChangePassword: true);
        await using var scope = Scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(account, actor.Name);
        if (!created.Succeeded)
        {
            errors = created.Problems.ToDictionary(p => p.Key, p => p.Value);
            return;
        }

        shownPassword = chosen;
        shownPasswordFor = chosen is null ? null : account.UserName;
        Say(L["Users.Created", account.UserName], error: false);
        form = new UserForm { Role = form.Role, SquadId = form.SquadId };
        await ReloadAsync();
    }

    private Task SaveAsync() => ChangeAsync((admin, id) => admin.EditAsync(id, new UserEdit
    {
        Role = edit.Role,
        SquadId = edit.SquadId,
        DisplayName = edit.DisplayName,
        Version = selected!.Version,
    }, actor));

    private Task DisableAsync() => ChangeAsync((admin, id) => admin.DisableAsync(id, actor));

    private Task EnableAsync() => ChangeAsync((admin, id) => admin.EnableAsync(id, actor));

    private Task UnlockAsync() => ChangeAsync((admin, id) => admin.UnlockAsync(id, actor));

    private Task ResetPasswordAsync() => ChangeAsync((admin, id) => admin.ResetPasswordAsync(id, actor));

    private async Task ResetSecondFactorAsync()
    {
        Clear();
        await using var scope = Scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SecondFactorReset>().ResetAsync(selected!.Id, actor.Id, actor.Name, null);
        Say(outcome switch
        {
            SecondFactorReset.Outcome.Reset => L["Users.Done"],
            SecondFactorReset.Outcome.OwnAccount => L["Users.Refused.own-account"],
            _ => L["Users.NotFound"],
        }, error: outcome != SecondFactorReset.Outcome.Reset);
        await ReloadAsync();
    }

    private async Task ChangeAsync(Func<UserAdministration, string, Task<UserChange>> change)
    {
        Clear();
        var name = selected!.UserName;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var outcome = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), selected.Id);
            errors = outcome.Problems?.ToDictionary(p => p.Key, p => p.Value) ?? [];
            shownPassword = outcome.Password;
            shownPasswordFor = outcome.Password is null ? null : name;
            Say(outcome.Kind switch
            {
                UserChangeKind.Done => L["Users.Done"],
                UserChangeKind.NotFound => L["Users.NotFound"],
                UserChangeKind.Stale => L["Users.Stale"],
                UserChangeKind.Invalid => L["Users.Invalid"],
                _ => L[$"Users.Refused.{outcome.Reason}"],
            }, error: outcome.Kind != UserChangeKind.Done);
        }

        await ReloadAsync();
        if (selected is not null)
        {
            Select(selected);
        }
    }

    private async Task SetSecondFactorAsync(string role, bool required)
    {
        await SecondFactor.StoreAsync(role, required, actor.Name, null);
        secondFactorRoles = await SecondFactor.ListAsync();
    }

    private void Clear()
    {
        errors = [];
        notice = null;
        shownPassword = null;
        shownPasswordFor = null;
    }

    private void Say(string text, bool error)
    {
        notice = text;
        noticeIsError = error;
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Error(string field) => Has(field) ? L[$"Users.Invalid.{field}"].Value : null;

    private string SquadName(int? id) => id is null ? "—" : squads.FirstOrDefault(s => s.Id == id)?.Name ?? id.Value.ToString(CultureInfo.InvariantCulture);

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
