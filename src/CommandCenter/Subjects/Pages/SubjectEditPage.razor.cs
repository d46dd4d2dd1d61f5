using System.Globalization;
using CommandCenter.Kit.Forms;
using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// Takes a subject in or changes their record, with the home picked on the map. Saving goes through
/// <see cref="SubjectStore"/>, the same checks as the JSON API; what it refuses is shown at each field.
/// </summary>
public partial class SubjectEditPage
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private SubjectForm? form;
    private SubjectDetail? existing;
    private List<SquadChoice> squads = [];
    private IReadOnlyDictionary<string, string[]> errors = NoErrors;
    private bool loaded;

    [Inject]
    private SubjectQueries Queries { get; set; } = default!;

    [Inject]
    private SubjectStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The subject to change; none when taking a new one in.</summary>
    [Parameter]
    public int? Id { get; set; }

    private (double Latitude, double Longitude)? Home =>
        form is { HomeLatitude: { } lat, HomeLongitude: { } lon } ? (lat, lon) : null;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await Authentication).User;
        squads = await Queries.SquadsAsync(user, CancellationToken.None);
        existing = Id is { } id ? await Queries.DetailAsync(id, user, CancellationToken.None) : null;
        form = existing is null ? (Id is null ? new SubjectForm() : null) : SubjectForm.Of(existing);
        errors = NoErrors;
        loaded = true;
    }

    private void PlaceChosen((double Latitude, double Longitude) place)
    {
        form!.HomeLatitude = Math.Round(place.Latitude, 6);
        form.HomeLongitude = Math.Round(place.Longitude, 6);
    }

    private async Task SaveAsync()
    {
        var actor = (await Authentication).User.Identity?.Name ?? "unknown";
        var result = await Store.SaveAsync(existing?.Id, form!.ToInput(), actor, CancellationToken.None);
        errors = result.Errors;
        if (!result.Saved)
        {
            return;
        }

        Snackbar.Add(L["Records.Saved"], Severity.Success);
        Navigation.NavigateTo($"/subjects/{result.Id}");
    }

    /// <summary>When editing, an empty field keeps the stored value, which the form shows masked.</summary>
    private string? Keep(string? masked) =>
        masked is null ? null : string.Format(CultureInfo.CurrentCulture, L["Subjects.KeepMasked"], masked);

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Error(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
