using System.Text.Json;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// The who-was-there page: the area or the centre and radius on the map, the window in the site's time, the
/// case; the same checks and the same audited search as the API, the people found listed closest first.
/// </summary>
public partial class WhoWasTherePage
{
    private bool circle;
    private double? radius = 500;
    private (double Latitude, double Longitude)? centre;
    private string? area;
    private DateOnly? fromDay;
    private TimeSpan? fromTime = TimeSpan.Zero;
    private DateOnly? toDay;
    private TimeSpan? toTime = new(23, 59, 0);
    private string? caseNumber;
    private bool searching;
    private Dictionary<string, string[]> errors = [];
    private WhoWasThereResult? result;
    private IReadOnlyList<PersonNearby> people = [];

    [Inject]
    private WhoWasThereQueries Queries { get; set; } = default!;

    [Inject]
    private IOptions<WhoWasThereOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Text { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override void OnInitialized()
    {
        var today = Clock.Today(Time.GetUtcNow());
        fromDay = today.AddDays(-1);
        toDay = today;
    }

    /// <summary>What is wrong with the area or the centre, shown under the choice of the two.</summary>
    private string? PlaceError => ErrorOf("area") ?? ErrorOf("latitude");

    private string? ErrorOf(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void ModeChanged(bool toCircle)
    {
        circle = toCircle;
        area = null;
        centre = null;
        errors = [];
    }

    private void AreaChanged(string? drawn) => area = drawn;

    private void CentrePicked((double Latitude, double Longitude) picked) => centre = picked;

    private async Task SearchAsync()
    {
        searching = true;
        try
        {
            var (search, found) = WhoWasThereChecks.Check(Request(), Options.Value, Time.GetUtcNow(), Text);
            errors = found.ToDictionary();
            if (search is null)
            {
                return;
            }

            result = await Queries.SearchAsync(search, (await Authentication).User, null, CancellationToken.None);
            people = result.People;
        }
        finally
        {
            searching = false;
        }
    }

    private WhoWasThereRequest Request()
    {
        var from = At(fromDay, fromTime);
        // "Until 23:59" means through that minute; the search's end is exclusive.
        var to = At(toDay, toTime)?.AddMinutes(1);
        if (circle)
        {
            return new WhoWasThereRequest(Latitude: centre?.Latitude, Longitude: centre?.Longitude, RadiusMetres: radius, From: from, To: to, CaseNumber: caseNumber);
        }

        // Nothing drawn is an empty area, which the checks name, rather than a circle with no centre.
        using var document = JsonDocument.Parse(area ?? "\"\"");
        return new WhoWasThereRequest(Area: document.RootElement.Clone(), From: from, To: to, CaseNumber: caseNumber);
    }

    /// <summary>A day and a time of the site's calendar as an instant.</summary>
    private DateTimeOffset? At(DateOnly? day, TimeSpan? time) =>
        day is { } d ? Clock.StartOfDay(d) + (time ?? TimeSpan.Zero) : null;
}
