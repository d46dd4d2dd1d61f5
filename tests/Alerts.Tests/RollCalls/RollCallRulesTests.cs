using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Tests.RollCalls;

public class RollCallRulesTests
{
    private readonly Scene scene = new(new AlertEngineOptions { Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromDays(365) }) });

    private RollCallAbsence MarkedNow(long attendeeId) => new(attendeeId, "城关派出所门口", scene.Now - TimeSpan.FromMinutes(2), scene.Now);

    private EngineTransaction Update(long subjectId, params RollCallAbsence[] absences)
    {
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateRollCalls(subjectId, absences);
        update.Commit();
        return update;
    }

    [Fact]
    public void AnAbsenceRaisesAtOnceAsMajorNamingTheCameraAndTheDeadline()
    {
        scene.Load(scene.Subject(7));
        var absence = MarkedNow(1);

        var marked = Update(7, absence);

        Assert.Equal([new AlertKey(7, AlertRule.RollCallMissed)], Scene.Raised(marked));
        Assert.Equal(AlertSeverity.Major, marked.Decisions[0].Severity);
        var deadline = TimeZoneInfo.ConvertTime(absence.Deadline, Scene.Shanghai);
        Assert.Equal(new AlertDetail(AlertDetail.RollCallAbsentKey, ["城关派出所门口", $"{deadline:yyyy-MM-dd HH:mm}"]), marked.Decisions[0].Detail);
    }

    [Fact]
    public void AnAbsenceIsRaisedOnceHoweverOftenTheSubjectIsLookedAtAgain()
    {
        scene.Load(scene.Subject(7));
        var absence = MarkedNow(1);
        Update(7, absence);

        Assert.Empty(Scene.Raised(Update(7, absence)));
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void AfterARestartAnAbsenceAlreadyAlertedIsNotRaisedAgainButANewerOneIs()
    {
        var old = MarkedNow(1);
        scene.Clock.Advance(TimeSpan.FromMinutes(30));
        var newer = MarkedNow(2);
        scene.Load(new SubjectSnapshot(scene.Subject(7)) { RollCallAbsences = [old, newer], LastRollCallMissedAlert = old.MarkedAt + TimeSpan.FromSeconds(1) });

        var ticked = scene.Tick(TimeSpan.FromSeconds(1));

        var raised = Assert.Single(ticked.Decisions, d => d.Kind == AlertDecisionKind.Raise);
        Assert.Equal(new AlertKey(7, AlertRule.RollCallMissed), raised.Key);
        Assert.Equal($"{TimeZoneInfo.ConvertTime(newer.Deadline, Scene.Shanghai):yyyy-MM-dd HH:mm}", raised.Detail!.Args[1]);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void TwoAbsencesMarkedAtDifferentRollCallsEachRaise()
    {
        scene.Load(scene.Subject(7));
        Assert.Single(Scene.Raised(Update(7, MarkedNow(1))));
        scene.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Single(Scene.Raised(Update(7, MarkedNow(2))));
    }

    [Fact]
    public void NoAbsenceRaisesNothing()
    {
        scene.Load(scene.Subject(7));

        Assert.Empty(Scene.Raised(Update(7)));
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromHours(1))));
    }
}
