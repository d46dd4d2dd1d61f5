using System.Globalization;
using CommandCenter.Subjects.Privacy;
using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// The subject's card, masked; unmasking asks why, and goes through the same audited path as the API.
/// The clear data lives in this component only, and masking again forgets it.
/// </summary>
public partial class SubjectCardPanel
{
    private bool asking;
    private string? purpose;
    private string? purposeError;
    private SubjectCard? clear;

    [Inject]
    private SubjectCards Cards { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter, EditorRequired]
    public SubjectDetail Subject { get; set; } = default!;

    private async Task UnmaskAsync()
    {
        if (!SubjectCards.IsPurposeStated(purpose))
        {
            purposeError = string.Format(CultureInfo.CurrentCulture, L["Subjects.UnmaskPurposeRequired"], SubjectCards.MinPurposeLength);
            return;
        }

        clear = await Cards.UnmaskAsync(Subject.Id, purpose!, (await Authentication).User, null, CancellationToken.None);
        Cancel();
    }

    private void Cancel()
    {
        asking = false;
        purpose = null;
        purposeError = null;
    }

    private void Mask() => clear = null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
