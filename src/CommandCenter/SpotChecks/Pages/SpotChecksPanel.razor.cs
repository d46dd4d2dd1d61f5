using System.Globalization;
using CommandCenter.Kit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommandCenter.SpotChecks.Pages;

/// <summary>
/// The person's spot checks (信息化核查): every check with where it stands, a button to send one now, and for the
/// chosen check its photo beside the registered photo with the verdict buttons (and the face service's opinion, when
/// a site has one). The steps go through <see cref="SpotCheckService"/> and <see cref="RegisteredPhotos"/>, which
/// check the caller's squad and audit them.
/// </summary>
public partial class SpotChecksPanel : IDisposable
{
    private const int Shown = 20;

    /// <summary>How often the panel reads the checks again while one waits for its answer.</summary>
    private static readonly TimeSpan WaitingRefresh = TimeSpan.FromSeconds(5);

    [Inject]
    private SpotCheckService Checks { get; set; } = default!;

    [Inject]
    private RegisteredPhotos Registered { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<SpotCheckOptions> Options { get; set; } = default!;

    private List<SpotCheckView> checks = [];
    private SpotCheckView? selected;
    private bool hasRegistered;
    private int registeredVersion;
    private ITimer? refresh;

    [Inject]
    private ILogger<SpotChecksPanel> Log { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    public void Dispose() => refresh?.Dispose();

    private async Task ReloadAsync()
    {
        var user = await UserAsync();
        checks = await Checks.ListAsync(Subject.Id, user, Shown, CancellationToken.None) ?? [];
        selected = checks.FirstOrDefault(c => c.Id == selected?.Id) ?? checks.FirstOrDefault(c => c.HasPhoto);
        hasRegistered = await Registered.FindAsync(Subject.Id, user, CancellationToken.None) is not null;
        RefreshWhileWaiting();
    }

    /// <summary>
    /// A waiting check changes while the officer looks on, by nobody's hand here: the phone answers it, or its deadline
    /// passes. Nothing tells this page of either, so while one waits the panel reads the checks again now and then.
    /// </summary>
    private void RefreshWhileWaiting()
    {
        var waiting = checks.Any(c => c.StandingAt(Time.GetUtcNow()) == SpotCheckStanding.Waiting);
        if (waiting && refresh is null)
        {
            refresh = Time.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, WaitingRefresh, WaitingRefresh);
        }
        else if (!waiting && refresh is not null)
        {
            refresh.Dispose();
            refresh = null;
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await ReloadAsync();
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not ObjectDisposedException)
        {
            // The officer can still reload the page; the next tick tries again.
            Log.LogWarning(exception, "Reading the spot checks of subject {Subject} again failed.", Subject.Id);
        }
    }

    private void Select(SpotCheckView check) => selected = check;

    private async Task SendAsync()
    {
        var outcome = await Checks.SendAsync(new SpotCheckRequest { SubjectId = Subject.Id }, await UserAsync(), CancellationToken.None);
        if (Stored(outcome, "SpotCheck.Sent"))
        {
            await ReloadAsync();
        }
    }

    private async Task JudgeAsync(bool confirmed)
    {
        if (selected is null)
        {
            return;
        }

        var outcome = await Checks.JudgeAsync(selected.Id, new VerdictRequest { Confirmed = confirmed }, await UserAsync(), CancellationToken.None);
        if (Stored(outcome, "SpotCheck.Judged"))
        {
            await ReloadAsync();
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs change)
    {
        var maxBytes = Options.CurrentValue.MaxPhotoBytes;
        var (bytes, problem) = await PickedPhoto.ReadAsync(change.File, maxBytes);
        if (bytes is null)
        {
            Refusal = problem == PhotoPickProblem.TooLarge
                ? string.Format(CultureInfo.CurrentCulture, L["SpotCheck.PhotoTooLarge"], maxBytes / (1024 * 1024))
                : L[$"SpotCheck.Photo{problem}"];
            return;
        }

        if (Stored(await Registered.UploadAsync(Subject.Id, bytes, await UserAsync(), CancellationToken.None), "SpotCheck.RegisteredSaved"))
        {
            registeredVersion++;
            await ReloadAsync();
        }
    }

    private string Where(SpotCheckView check) => check switch
    {
        { AnsweredAt: null } => string.Format(CultureInfo.CurrentCulture, L["SpotCheck.DueBy"], Moment(check.Deadline)),
        { DistanceMeters: { } metres } => string.Format(CultureInfo.CurrentCulture, L[$"SpotCheck.From.{check.ComparedWith}"], metres.ToString("0", CultureInfo.InvariantCulture)),
        _ => L["SpotCheck.From.Unknown"],
    };

    private static Color ColorOf(SpotCheckStanding standing) => standing switch
    {
        SpotCheckStanding.InTime => Color.Success,
        SpotCheckStanding.Waiting => Color.Info,
        _ => Color.Error,
    };
}
