using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace CommandCenter.Reports.Pages;

/// <summary>
/// The daily duty report on paper-white, headed with the brigade's name, for the screen and for A4: pick a day,
/// print it, or take it as XLSX. A squad leader's report holds only their squad.
/// </summary>
public partial class DutyReportPage
{
    private DutyReport? report;
    private DateOnly date;
    private string? problem;

    [Inject]
    private DutyReportQuery Query { get; set; } = default!;

    [Inject]
    private ReportScope Scopes { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<SiteOptions> Site { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The day reported on, yyyy-MM-dd; today when absent.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? Date { get; set; }

    /// <summary>One squad's report (commanders and duty officers may choose; a squad leader has only their own).</summary>
    [SupplyParameterFromQuery(Name = "squad")]
    public string? Squad { get; set; }

    private string ExportLink => $"/api/v1/reports/duty/export?{Parameters()}";

    private string RegisterLink => $"/reports/alerts?from={Day(date)}&to={Day(date)}";

    protected override async Task OnParametersSetAsync()
    {
        var parameters = new ReportQuery(Clock.Today(Time.GetUtcNow()));
        date = parameters.Day("date", Date, Clock.Today(Time.GetUtcNow()));
        var requested = parameters.Squad("squad", Squad);
        var decision = parameters.IsValid ? await Scopes.DecideAsync((await Authentication).User, requested, CancellationToken.None) : null;
        problem = parameters.IsValid ? decision!.Problem : string.Join(" ", parameters.Problems.Values.SelectMany(p => p));
        report = problem is null ? await Query.BuildAsync(date, decision!.Squad, CancellationToken.None) : null;
    }

    private void ShowDay(DateOnly? day)
    {
        if (day is { } chosen)
        {
            date = chosen;
            Navigation.NavigateTo($"/reports/duty?{Parameters()}");
        }
    }

    private string Parameters() => Squad is null ? $"date={Day(date)}" : $"date={Day(date)}&squad={Uri.EscapeDataString(Squad)}";

    private Task PrintAsync() => JS.InvokeVoidAsync("print").AsTask();

    /// <summary>A time of the report's day as HH:mm; of another day with its date, so an old open alert reads right.</summary>
    private string Local(DateTimeOffset? instant)
    {
        if (instant is not { } at)
        {
            return "–";
        }

        var local = Clock.ToLocal(at);
        return DateOnly.FromDateTime(local.DateTime) == date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Minutes(double? minutes) => minutes is { } value ? L["Reports.Minutes", value.ToString("0.0", CultureInfo.CurrentCulture)] : "–";

    private static string Percent(double? share) => share is { } value ? value.ToString("0.0", CultureInfo.CurrentCulture) + "%" : "–";
}
