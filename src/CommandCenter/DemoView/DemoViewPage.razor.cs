using CommandCenter.Kpi;
using CommandCenter.Kpi.Panels;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoView;

/// <summary>
/// The delegation view: full screen, no input needed, it turns through the live (masked) map, the
/// county's figures and the replay of an alert's handling. It can change nothing.
/// </summary>
public partial class DemoViewPage : IDisposable
{
    private static readonly string[] Scenes = ["Map", "Figures", "Achievements", "Replay"];

    /// <summary>The KPI panels that tell the county's achievements; none of them lists a person.</summary>
    private static readonly string[] AchievementPanels = ["education", "party-branch", "dispositions", "scoreboard"];

    private int scene;
    private List<DemoFigure> figures = [];
    private DemoReplay? replay;
    private List<KpiPanel> achievements = [];
    private DateOnly month;
    private ITimer? rotation;

    [Inject]
    private DemoFigures Figures { get; set; } = default!;

    [Inject]
    private DemoPicture Picture { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private KpiPanels Panels { get; set; } = default!;

    [Inject]
    private IOptions<DelegationOptions> Options { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "scene")]
    private string? StartScene { get; set; }

    protected override async Task OnInitializedAsync()
    {
        scene = Math.Max(0, Array.IndexOf(Scenes, StartScene));
        await LoadSceneAsync();
        if (RendererInfo.IsInteractive)
        {
            var every = Options.Value.SceneDuration;
            rotation = Time.CreateTimer(_ => InvokeAsync(NextSceneAsync), null, every, every);
        }
    }

    private async Task NextSceneAsync()
    {
        scene = (scene + 1) % Scenes.Length;
        await LoadSceneAsync();
        StateHasChanged();
    }

    private async Task LoadSceneAsync()
    {
        switch (Scenes[scene])
        {
            case "Figures":
                figures = await Figures.ComputeAsync(CancellationToken.None);
                break;
            case "Achievements":
                var period = Panels.Period();
                month = Panels.Today;
                achievements = [];
                foreach (var id in AchievementPanels)
                {
                    if (await Panels.BuildAsync(id, period, CancellationToken.None) is { } panel)
                    {
                        achievements.Add(panel);
                    }
                }

                break;
            case "Replay":
                replay = await Picture.ReplayAsync(CancellationToken.None);
                break;
        }
    }

    public void Dispose() => rotation?.Dispose();
}
