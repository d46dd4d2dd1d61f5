using System.Globalization;
using Bunit;
using CommandCenter.AlertLog;
using CommandCenter.AlertDesk;
using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Squads;
using CommandCenter.TestSupport.Photos;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommandCenter.Tests.AlertDesk;

/// <remarks>MudBlazor's services dispose only asynchronously, so the context is disposed through <see cref="IAsyncLifetime"/>.</remarks>
public class CaseActionsTests : BunitContext, IAsyncLifetime
{
    private static readonly AlertMessage Raised = new(1, 7, 3, "SQ-7", AlertRule.ZoneExit, AlertSeverity.Critical, AlertState.Raised,
        null, null, 2, "二中队", DateTimeOffset.UnixEpoch, null, null);

    private static readonly SquadSuggestion[] Squads =
    [
        new(2, "二中队", 800, true, true, 35.1, 117.9),
        new(4, "四中队", 3200, true, false, 35.2, 118.0),
    ];

    private readonly List<AlertStep> steps = [];

    public CaseActionsTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Services.AddLocalization();
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private IRenderedComponent<CaseActions> Render(AlertAction[] allowed, DisciplineSuggestion? suggestion = null) =>
        Render<CaseActions>(p => p
            .Add(c => c.Alert, Raised)
            .Add(c => c.Allowed, allowed)
            .Add(c => c.Squads, Squads)
            .Add(c => c.Suggestion, suggestion)
            .Add(c => c.OnStep, step => steps.Add(step)));

    private static bool Disabled(IRenderedComponent<CaseActions> actions, string testId) =>
        actions.Find($"[data-testid={testId}]").HasAttribute("disabled");

    [Fact]
    public void OnlyTheStepsTheLifecycleAllowsNowCanBeTaken()
    {
        var actions = Render([AlertAction.Acknowledge, AlertAction.Dismiss]);

        Assert.False(Disabled(actions, "action-acknowledge"));
        Assert.False(Disabled(actions, "action-dismiss"));
        Assert.True(Disabled(actions, "action-dispatch"));
        Assert.True(Disabled(actions, "action-on-scene"));
        Assert.True(Disabled(actions, "action-resolve"));
    }

    [Fact]
    public async Task AKeyTakesItsStepOnlyWhenTheStepIsAllowed()
    {
        var actions = Render([AlertAction.Acknowledge, AlertAction.Dismiss]);

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("on-scene"));
        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("acknowledge"));

        Assert.Equal(AlertAction.Acknowledge, Assert.Single(steps).Action);
    }

    [Fact]
    public async Task DispatchSendsTheFirstSuggestedSquadUnlessAnotherIsChosen()
    {
        var actions = Render([AlertAction.Dispatch, AlertAction.Dismiss]);

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("dispatch"));

        var step = Assert.Single(steps);
        Assert.Equal(AlertAction.Dispatch, step.Action);
        Assert.Equal(2, step.SquadId);
    }

    [Fact]
    public async Task ResolvingAsksForADispositionAndOffersTheOneTheRecordSuggests()
    {
        var actions = Render([AlertAction.Resolve, AlertAction.Dismiss], new DisciplineSuggestion(Disposition.Warning, DisciplineReason.TwoUncorrectedAdmonitions, 2, 0));

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("resolve"));
        actions.Find("[data-testid=resolve-confirm]").Click();

        var step = Assert.Single(steps);
        Assert.Equal(AlertAction.Resolve, step.Action);
        Assert.Equal(Disposition.Warning, step.Disposition);
        Assert.Empty(actions.FindAll("[data-testid=resolve-form]"));
    }

    [Fact]
    public async Task ResolvingWithoutADispositionIsRefusedOnTheForm()
    {
        var actions = Render([AlertAction.Resolve, AlertAction.Dismiss]);

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("resolve"));
        actions.Find("[data-testid=resolve-confirm]").Click();

        Assert.Empty(steps);
        Assert.Contains("请选择处置结果", actions.Find("[data-testid=resolve-form]").TextContent);
    }

    [Fact]
    public async Task DismissingNeedsAReasonAndEscapeClosesTheForm()
    {
        var actions = Render([AlertAction.Acknowledge, AlertAction.Dismiss]);

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("dismiss"));
        actions.Find("[data-testid=dismiss-confirm]").Click();
        Assert.Empty(steps);
        Assert.Contains("请填写排除理由", actions.Find("[data-testid=dismiss-form]").TextContent);

        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("escape"));
        Assert.Empty(actions.FindAll("[data-testid=dismiss-form]"));
    }

    [Fact]
    public async Task AFormOpenedWhileTheLastStepWasBeingStoredStaysOpen()
    {
        var storing = new TaskCompletionSource();
        var actions = Render<CaseActions>(p => p
            .Add(c => c.Alert, Raised)
            .Add(c => c.Allowed, [AlertAction.ReportOnScene, AlertAction.Resolve, AlertAction.Dismiss])
            .Add(c => c.Squads, Squads)
            .Add(c => c.OnStep, _ => storing.Task));

        var onScene = actions.InvokeAsync(() => actions.Instance.ShortcutAsync("on-scene"));
        await actions.InvokeAsync(() => actions.Instance.ShortcutAsync("resolve"));
        storing.SetResult();
        await onScene;

        Assert.Single(actions.FindAll("[data-testid=resolve-form]"));
    }

    [Fact]
    public void APhotoGoesWithTheNextStepTakenAtTheSceneAndIsThenCleared()
    {
        var actions = Render([AlertAction.ReportOnScene, AlertAction.Dismiss]);

        actions.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ScenePhotos.Jpeg, "scene.jpg", contentType: "image/jpeg"));
        actions.WaitForAssertion(() => Assert.Contains("scene.jpg", actions.Find("[data-testid=photo-chosen]").TextContent));
        actions.Find("[data-testid=action-on-scene]").Click();

        Assert.Equal(ScenePhotos.Jpeg, Assert.Single(steps).Photo);
        Assert.Empty(actions.FindAll("[data-testid=photo-chosen]"));
    }

    [Fact]
    public void AFileThatIsNotAJpegIsRefusedOnTheFormAndSentWithNoStep()
    {
        var actions = Render([AlertAction.ReportOnScene]);

        actions.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ScenePhotos.Png, "scene.jpg", contentType: "image/jpeg"));
        actions.WaitForAssertion(() => Assert.Contains("不是 JPEG", actions.Find("[data-testid=photo-error]").TextContent));
        actions.Find("[data-testid=action-on-scene]").Click();

        Assert.Null(Assert.Single(steps).Photo);
    }

    [Fact]
    public void NoCameraIsOfferedBeforeTheSquadCanBeOnScene()
    {
        var actions = Render([AlertAction.Acknowledge, AlertAction.Dismiss]);

        Assert.Empty(actions.FindAll("[data-testid=photo-pick]"));
    }
}
