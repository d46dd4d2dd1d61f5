using System.Globalization;
using CommandCenter.Kit.Forms;
using CommandCenter.Subjects.Privacy;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CommandCenter.Subjects.Pages;

/// <summary>The subjects, searched and paged by the server; names masked; a squad leader sees only their squad.</summary>
public partial class SubjectsPage
{
    private MudTable<SubjectRow>? table;
    private SearchForm search = new();
    private string? purposeError;
    private List<SquadChoice> squads = [];
    private DateOnly today;

    [Inject]
    private SubjectQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The list the import links to: the people whose home is still to be placed.</summary>
    [SupplyParameterFromQuery(Name = "homeNotPlaced")]
    private bool HomeNotPlacedOnly { get; set; }

    protected override async Task OnInitializedAsync()
    {
        search.HomeNotPlaced = HomeNotPlacedOnly;
        today = Clock.Today(Time.GetUtcNow());
        squads = await Queries.SquadsAsync((await Authentication).User, CancellationToken.None);
    }

    /// <summary>A search by full name unmasks, so it asks why (and records it).</summary>
    private bool AsksPurpose => !string.IsNullOrWhiteSpace(search.Name);

    private async Task<TableData<SubjectRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var criteria = new SubjectSearch(search.Code, search.Name, search.SquadId, search.CorrectionType, search.SupervisionLevel,
            search.RiskLevel, search.Status, search.Order, state.Page + 1, state.PageSize, search.Purpose, search.HomeNotPlaced ? true : null);
        var outcome = await Queries.SearchAsync(criteria, (await Authentication).User, null, cancellationToken);
        purposeError = outcome.MessageKey is { } key
            ? string.Format(CultureInfo.CurrentCulture, L[key], SubjectCards.MinPurposeLength, SubjectQueries.MaxPurposeLength)
            : null;
        return new TableData<SubjectRow> { TotalItems = outcome.Results.Total, Items = outcome.Results.Items };
    }

    private Task SearchAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task SearchOnEnterAsync(KeyboardEventArgs key)
    {
        if (key.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private Task ResetAsync()
    {
        search = new SearchForm();
        return SearchAsync();
    }

    private void Open(TableRowClickEventArgs<SubjectRow> row) => Navigation.NavigateTo($"/subjects/{row.Item!.Id}");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The criteria as the form edits them.</summary>
    private sealed class SearchForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public int? SquadId { get; set; }
        public CorrectionType? CorrectionType { get; set; }
        public SupervisionLevel? SupervisionLevel { get; set; }
        public RiskLevel? RiskLevel { get; set; }
        /// <summary>Those under correction now, unless asked otherwise: the released are history.</summary>
        public SubjectStatus? Status { get; set; } = SubjectStatus.InCorrection;
        public OrderFilter? Order { get; set; }
        public bool HomeNotPlaced { get; set; }
    }
}
