using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// A panel that a feature above Subjects places on the subject page (registered as a <see cref="SubjectPagePanelType"/>),
/// so the page shows the subject's supervision without depending on the folders that keep it. Every panel gets the
/// same parameters: the subject, and the page's map, on which a panel may ask a click to pick a place.
/// </summary>
public abstract class SubjectPagePanel : ComponentBase
{
    [Parameter, EditorRequired]
    public SubjectDetail Subject { get; set; } = default!;

    /// <summary>The place last clicked on the subject's map while this panel is picking.</summary>
    [Parameter]
    public (double Latitude, double Longitude)? Destination { get; set; }

    /// <summary>
    /// Raised with a radius in metres when the panel starts picking a place or the radius changes (map clicks then
    /// pick the place, drawn with that radius), and with null when it stops.
    /// </summary>
    [Parameter]
    public EventCallback<double?> OnPicking { get; set; }
}
