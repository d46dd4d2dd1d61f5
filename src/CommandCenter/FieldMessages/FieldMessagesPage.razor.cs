using System.Globalization;
using CommandCenter.FieldMessages.Channels;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.FieldMessages;

/// <summary>The messages sent to the field and how each delivery went; the failed ones are what a duty officer follows up by phone.</summary>
public partial class FieldMessagesPage
{
    private const int Shown = 200;

    private List<FieldMessageView> messages = [];
    private bool failedOnly;

    /// <summary>The desk's failure notice links here with ?state=Failed.</summary>
    [SupplyParameterFromQuery(Name = "state")]
    private string? State { get; set; }

    [Inject]
    private FieldMessageQueries Queries { get; set; } = default!;

    [Inject]
    private FieldChannelDirectory Directory { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    private IReadOnlyList<FieldChannelOptions> Channels => Directory.Current;

    protected override async Task OnInitializedAsync()
    {
        failedOnly = string.Equals(State, nameof(FieldMessageState.Failed), StringComparison.OrdinalIgnoreCase);
        await LoadAsync();
    }

    private async Task ShowFailedOnlyAsync(bool value)
    {
        failedOnly = value;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        messages = await Queries.LatestAsync(failedOnly ? FieldMessageState.Failed : null, Shown, CancellationToken.None);

    private static Color StateColor(FieldMessageState state) => state switch
    {
        FieldMessageState.Sent => Color.Success,
        FieldMessageState.Failed => Color.Error,
        _ => Color.Warning,
    };

    private string Local(DateTimeOffset at) => Clock.ToLocal(at).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
