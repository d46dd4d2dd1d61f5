using CommandCenter.Kit;
using CommandCenter.AlertLog;
using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Squads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace CommandCenter.AlertDesk;

/// <summary>
/// The steps an officer can take on the open alert, each enabled only when the lifecycle allows it. The squad
/// to send defaults to the first suggested; the resolve form defaults to the discipline step suggested. A photo
/// taken at the scene goes with the next on-scene or resolve step.
/// </summary>
public partial class CaseActions
{
    private CaseForm form;
    private int? squadId;
    private Disposition? disposition;
    private string? note;
    private string? reason;
    private string? formError;
    private byte[]? photo;
    private string? photoName;
    private string? photoError;

    [Inject]
    private IOptionsMonitor<AlertPhotoOptions> Photos { get; set; } = default!;

    [Parameter, EditorRequired]
    public AlertMessage Alert { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<AlertAction> Allowed { get; set; } = [];

    [Parameter]
    public IReadOnlyList<SquadSuggestion> Squads { get; set; } = [];

    [Parameter]
    public DisciplineSuggestion? Suggestion { get; set; }

    /// <summary>Why the last step was refused (someone else acted first, a rule forbids it).</summary>
    [Parameter]
    public string? Refusal { get; set; }

    [Parameter]
    public EventCallback<AlertStep> OnStep { get; set; }

    private SquadSuggestion? ChosenSquad => Squads.FirstOrDefault(s => s.Id == squadId);

    private bool PhotoAllowed => AlertActions.PhotoSteps.Any(Allowed.Contains);

    protected override void OnParametersSet()
    {
        if (ChosenSquad is null)
        {
            squadId = Squads.FirstOrDefault()?.Id;
        }

        disposition ??= Suggestion?.Disposition;
        if (form == CaseForm.Resolve && !Allowed.Contains(AlertAction.Resolve) || form == CaseForm.Dismiss && !Allowed.Contains(AlertAction.Dismiss))
        {
            Close();
        }
    }

    /// <summary>The desk's keys: A acknowledge, D dispatch to the chosen squad, S on scene, R resolve, X dismiss, Escape close the form.</summary>
    public async Task ShortcutAsync(string name)
    {
        switch (name)
        {
            case "acknowledge" when Allowed.Contains(AlertAction.Acknowledge):
                await AcknowledgeAsync();
                break;
            case "dispatch" when Allowed.Contains(AlertAction.Dispatch) && ChosenSquad is not null:
                await DispatchAsync();
                break;
            case "on-scene" when Allowed.Contains(AlertAction.ReportOnScene):
                await OnSceneAsync();
                break;
            case "resolve" when Allowed.Contains(AlertAction.Resolve):
                Open(CaseForm.Resolve);
                break;
            case "dismiss" when Allowed.Contains(AlertAction.Dismiss):
                Open(CaseForm.Dismiss);
                break;
            case "escape":
                Close();
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private Task AcknowledgeAsync() => StepAsync(new AlertStep(AlertAction.Acknowledge, Note()));

    private Task DispatchAsync() => StepAsync(new AlertStep(AlertAction.Dispatch, Note(), SquadId: squadId));

    private Task OnSceneAsync() => StepAsync(new AlertStep(AlertAction.ReportOnScene, Note(), Photo: photo));

    private Task ResolveAsync()
    {
        if (disposition is null)
        {
            formError = L["Desk.DispositionRequired"];
            return Task.CompletedTask;
        }

        return StepAsync(new AlertStep(AlertAction.Resolve, Note(), Disposition: disposition, Photo: photo));
    }

    private Task DismissAsync()
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            formError = L["Desk.DismissReasonRequired"];
            return Task.CompletedTask;
        }

        return StepAsync(new AlertStep(AlertAction.Dismiss, reason.Trim()));
    }

    /// <summary>
    /// Takes the step, then clears what it used: the note and photo sent, and the form it came from. A quick
    /// officer may already have opened the next form, or taken the next photo, while the step was being stored;
    /// those stay.
    /// </summary>
    private async Task StepAsync(AlertStep step)
    {
        var from = form;
        var sentNote = note;
        await OnStep.InvokeAsync(step);
        if (note == sentNote)
        {
            note = null;
        }

        if (step.Photo is not null && ReferenceEquals(photo, step.Photo))
        {
            DropPhoto();
        }

        if (form == from)
        {
            Close();
        }
    }

    /// <summary>
    /// Reads the chosen photo and checks it as the step will (size, JPEG by its bytes), so the squad leader hears
    /// at once, in their language, rather than after pressing on scene.
    /// </summary>
    private async Task PickAsync(InputFileChangeEventArgs change)
    {
        DropPhoto();
        var maxBytes = Photos.CurrentValue.MaxBytes;
        var (bytes, problem) = await PickedPhoto.ReadAsync(change.File, maxBytes);
        photoError = problem switch
        {
            PhotoPickProblem.TooLarge => L["DeskPhone.Photo.TooLarge", Megabytes(change.File.Size), Megabytes(maxBytes)].Value,
            PhotoPickProblem.Unreadable => L["DeskPhone.Photo.Unreadable"].Value,
            PhotoPickProblem.NotJpeg => L["DeskPhone.Photo.NotJpeg"].Value,
            _ => null,
        };
        if (bytes is not null)
        {
            photo = bytes;
            photoName = change.File.Name;
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    private void DropPhoto()
    {
        photo = null;
        photoName = null;
        photoError = null;
    }

    private string? Note() => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Open(CaseForm which)
    {
        form = which;
        formError = null;
    }

    private void Close()
    {
        form = CaseForm.None;
        formError = null;
        reason = null;
    }
}
