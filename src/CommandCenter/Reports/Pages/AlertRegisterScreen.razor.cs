using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Kit.Forms;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommandCenter.Reports.Pages;

/// <summary>
/// The alert register on the desk: a period and filters kept in the address (so a filtered register can be
/// linked and reopened), paged from the database, and exported with the same filter through the audited API.
/// </summary>
public partial class AlertRegisterScreen
{
    private MudTable<AlertRow>? table;
    private RegisterFilter filter = default!;
    private IReadOnlyList<SquadChoice> squads = [];
    private int? scope;
    private string? problem;
    private bool loaded;

    [Inject]
    private AlertRegister Register { get; set; } = default!;

    [Inject]
    private ReportScope Scopes { get; set; } = default!;

    [Inject]
    private IDbContextFactory<CommandCenterDb> Factory { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "rule")]
    public string? Rule { get; set; }

    [SupplyParameterFromQuery(Name = "squad")]
    public string? Squad { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public string? Severity { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    private string ExportLink => $"/api/v1/reports/alerts/export?{filter.ToQuery()}";

    protected override async Task OnParametersSetAsync()
    {
        // The filter first: the page renders while it waits for the database below.
        var parameters = new ReportQuery(Clock.Today(Time.GetUtcNow()));
        filter = parameters.Register(From, To, Rule, Squad, Severity, State);
        var user = (await Authentication).User;
        scope = SquadScope.Of(user);
        await using (var db = await Factory.CreateDbContextAsync())
        {
            squads = await db.Squads.AsNoTracking().Where(s => scope == null || s.Id == scope).OrderBy(s => s.Code)
                .Select(s => new SquadChoice(s.Id, s.Name)).ToListAsync();
        }

        var decision = parameters.IsValid ? await Scopes.DecideAsync(user, filter.SquadId, CancellationToken.None) : null;
        problem = parameters.IsValid ? decision!.Problem : string.Join(" ", parameters.Problems.Values.SelectMany(p => p));
        if (table is not null)
        {
            await table.ReloadServerData();
        }
    }

    private async Task<TableData<AlertRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (problem is not null)
        {
            return new TableData<AlertRow> { TotalItems = 0, Items = [] };
        }

        var slice = await Register.PageAsync(filter, scope, state.Page + 1, state.PageSize, cancellationToken);
        if (!loaded)
        {
            // The table renders its rows itself; the page renders again only to say it has loaded.
            loaded = true;
            StateHasChanged();
        }

        return new TableData<AlertRow> { TotalItems = slice.Total, Items = slice.Rows };
    }

    private void Search() => Navigation.NavigateTo($"/reports/alerts?{filter.ToQuery()}");

    private RenderFragment Step(AlertStepTaken? step) => builder =>
    {
        builder.AddContent(0, step is null ? "–" : $"{Local(step.At)} {step.Actor}");
    };

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? minutes) => minutes?.ToString("0.#", CultureInfo.CurrentCulture) ?? "–";
}
