using CommandCenter.Alerts.Checks;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Tests.Checks;

public class SpotCheckRulesTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private readonly Scene scene = new(new AlertEngineOptions { Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromDays(365) }) });

    private SpotCheckDue Sent(long id, DateTimeOffset? answeredAt = null, double? distance = null) =>
        new(id, scene.Now, scene.Now + TenMinutes, answeredAt, distance, 500);

    private EngineTransaction Update(long subjectId, params SpotCheckDue[] checks)
    {
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateSpotChecks(subjectId, checks);
        update.Commit();
        return update;
    }

    [Fact]
    public void AnUnansweredCheckRaisesAtTheDeadlineOnceWithTheDeadlineNamed()
    {
        scene.Load(scene.Subject(7));
        var check = Sent(1);
        Update(7, check);

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(9))));
        var failed = scene.Tick(TimeSpan.FromMinutes(1));

        Assert.Equal([new AlertKey(7, AlertRule.SpotCheckFailed)], Scene.Raised(failed));
        var deadline = TimeZoneInfo.ConvertTime(check.Deadline, Scene.Shanghai);
        Assert.Equal(new AlertDetail(AlertDetail.SpotCheckUnansweredKey, [$"{deadline:yyyy-MM-dd HH:mm}"]), failed.Decisions[0].Detail);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void AnAnswerInTimeFromNearHomeRaisesNothing()
    {
        scene.Load(scene.Subject(7));
        var check = Sent(1);
        scene.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Empty(Scene.Raised(Update(7, check with { AnsweredAt = scene.Now, DistanceMetres = 120 })));
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(20))));
    }

    [Fact]
    public void AnAnswerFromTooFarRaisesAtOnceNamingBothDistances()
    {
        scene.Load(scene.Subject(7));
        var check = Sent(1);
        scene.Clock.Advance(TimeSpan.FromMinutes(2));

        var answered = Update(7, check with { AnsweredAt = scene.Now, DistanceMetres = 2345.4 });

        Assert.Equal([new AlertKey(7, AlertRule.SpotCheckFailed)], Scene.Raised(answered));
        Assert.Equal(new AlertDetail(AlertDetail.SpotCheckOutOfPlaceKey, ["2345", "500"]), answered.Decisions[0].Detail);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(20))));
    }

    [Fact]
    public void ALateAnswerWeighedAtTheDeadlineIsNamedLate()
    {
        var sent = scene.Now;
        var check = new SpotCheckDue(1, sent, sent + TenMinutes, sent + TimeSpan.FromMinutes(11), 10, 500);

        var judgement = SpotCheckJudgement.Of(check, sent + TimeSpan.FromMinutes(12));

        Assert.Equal(new SpotCheckJudgement(SpotCheckFailure.Late, check.Deadline), judgement);
    }

    [Fact]
    public void AnOpenCheckIsNotJudgedBeforeItsDeadline() =>
        Assert.Null(SpotCheckJudgement.Of(Sent(1), scene.Now + TimeSpan.FromMinutes(9)));

    [Fact]
    public void ACheckWithNoPlaceToCompareWithIsJudgedOnTimeAlone()
    {
        var check = Sent(1, answeredAt: scene.Now + TimeSpan.FromMinutes(1), distance: null);

        Assert.Equal(new SpotCheckJudgement(null, check.AnsweredAt!.Value), SpotCheckJudgement.Of(check, scene.Now + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AfterARestartAFailureAlreadyAlertedIsNotRaisedAgain()
    {
        var check = Sent(1);
        scene.Clock.Advance(TimeSpan.FromMinutes(15));
        scene.Load(new SubjectSnapshot(scene.Subject(7)) { SpotChecks = [check], LastSpotCheckFailedAlert = check.Deadline + TimeSpan.FromSeconds(1) });

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void TwoChecksFailingEachRaise()
    {
        scene.Load(scene.Subject(7));
        var first = Sent(1);
        scene.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Sent(2);
        Update(7, first, second);

        Assert.Single(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(9))));
        Assert.Single(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(1))));
    }
}
