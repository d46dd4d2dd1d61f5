using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Subjects.Pages;

/// <summary>One subject: the masked card, their positioning orders, and their fences and track on the map.</summary>
public partial class SubjectPage
{
    private SubjectDetail? subject;
    private bool loaded;

    [Inject]
    private SubjectQueries Queries { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        subject = await Queries.DetailAsync(Id, (await Authentication).User, CancellationToken.None);
        loaded = true;
    }
}
