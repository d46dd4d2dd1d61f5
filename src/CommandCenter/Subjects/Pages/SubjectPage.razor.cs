using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// One subject: the masked card, their positioning orders, the panels other features contribute (leave permits and
/// check-ins), and their fences and track on the map. While a panel is picking (a leave permit's destination), a click
/// on the map picks the place.
/// </summary>
public partial class SubjectPage
{
    private SubjectDetail? subject;
    private bool loaded;
    private bool picking;
    private (double Latitude, double Longitude)? destination;
    private double? destinationRadius;

    [Inject]
    private SubjectQueries Queries { get; set; } = default!;

    [Inject]
    private IEnumerable<SubjectPagePanelType> Panels { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    private Dictionary<string, object?> PanelParameters => new()
    {
        [nameof(SubjectPagePanel.Subject)] = subject,
        [nameof(SubjectPagePanel.Destination)] = destination,
        [nameof(SubjectPagePanel.OnPicking)] = EventCallback.Factory.Create<double?>(this, PickingChanged),
    };

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        subject = await Queries.DetailAsync(Id, (await Authentication).User, CancellationToken.None);
        loaded = true;
    }

    /// <summary>A form that opens or closes forgets the place picked before; a new radius keeps it.</summary>
    private void PickingChanged(double? radiusMetres)
    {
        if (!picking || radiusMetres is null)
        {
            destination = null;
        }

        picking = radiusMetres is not null;
        destinationRadius = radiusMetres;
    }

    private void Picked((double Latitude, double Longitude) place)
    {
        if (picking)
        {
            destination = (Math.Round(place.Latitude, 6), Math.Round(place.Longitude, 6));
        }
    }
}
