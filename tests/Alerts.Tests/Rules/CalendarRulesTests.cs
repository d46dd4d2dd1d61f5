using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Tests.Rules;

public class CalendarRulesTests
{
    private readonly Scene scene = new(new AlertEngineOptions { Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromDays(365) }) });

    private void SetCheckIns(long subjectId, CheckInCadence cadence, DateTimeOffset? lastCheckIn = null)
    {
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateSupervision(subjectId, cadence, lastCheckIn, []);
        update.Commit();
    }

    /// <summary>Due every 7 days by 17:00, the first today (Tuesday).</summary>
    private CheckInCadence Weekly() => new(scene.Today, 7, new TimeOnly(17, 0));

    [Fact]
    public void AMissedDeadlineRaisesOnceWithTheDeadlineNamed()
    {
        scene.Load(scene.Subject(7));
        SetCheckIns(7, Weekly());

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromHours(6))));
        var missed = scene.Tick(TimeSpan.FromHours(2));

        Assert.Equal([new AlertKey(7, AlertRule.MissedCheckIn)], Scene.Raised(missed));
        Assert.Equal(new AlertDetail(AlertDetail.MissedCheckInKey, ["2026-11-24 17:00"]), missed.Decisions[0].Detail);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromHours(2))));
    }

    [Fact]
    public void ACheckInBeforeTheDeadlineSatisfiesThePeriod()
    {
        scene.Load(scene.Subject(7));
        SetCheckIns(7, Weekly());
        scene.Clock.Advance(TimeSpan.FromHours(3));
        var checkIn = scene.Engine.Begin(scene.Now);
        checkIn.RecordCheckIn(7, scene.Now);
        checkIn.Commit();

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromHours(6))));
        Assert.Single(Scene.Raised(scene.Tick(TimeSpan.FromDays(7))));
    }

    [Fact]
    public void ALateCheckInClearsTheMissedCondition()
    {
        scene.Load(scene.Subject(7));
        SetCheckIns(7, Weekly());
        scene.Tick(TimeSpan.FromHours(8));

        scene.Clock.Advance(TimeSpan.FromHours(1));
        var late = scene.Engine.Begin(scene.Now);
        late.RecordCheckIn(7, scene.Now);

        Assert.Equal([new AlertKey(7, AlertRule.MissedCheckIn)], Scene.Cleared(late));
    }

    [Fact]
    public void TheOrderEndingIsRemindedSevenDaysAndOneDayBefore()
    {
        var end = scene.Today.AddDays(8);
        scene.Load(scene.Subject(7, order: new OrderTerm(scene.Today.AddDays(-80), end)));

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(1))));
        var week = scene.Tick(TimeSpan.FromDays(1));
        Assert.Equal([new AlertKey(7, AlertRule.OrderExpiry)], Scene.Raised(week));
        Assert.Equal(new AlertDetail(AlertDetail.OrderEndsInKey, [$"{end:yyyy-MM-dd}", "7"]), week.Decisions[0].Detail);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromDays(1))));

        var eve = scene.Tick(TimeSpan.FromDays(5));
        Assert.Equal([new AlertKey(7, AlertRule.OrderExpiry)], Scene.Raised(eve));
        Assert.Equal(new AlertDetail(AlertDetail.OrderEndsInKey, [$"{end:yyyy-MM-dd}", "1"]), eve.Decisions[0].Detail);
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromHours(3))));
    }

    [Fact]
    public void ExtendingTheOrderEndsTheReminder()
    {
        var subject = scene.Subject(7, order: new OrderTerm(scene.Today.AddDays(-80), scene.Today.AddDays(5)));
        scene.Load(subject);
        scene.Tick(TimeSpan.FromMinutes(1));

        var extend = scene.Engine.Begin(scene.Now);
        extend.UpdateFacts([subject with { Order = new OrderTerm(scene.Today.AddDays(-80), scene.Today.AddDays(95)) }]);
        extend.Commit();

        Assert.Equal([new AlertKey(7, AlertRule.OrderExpiry)], Scene.Cleared(scene.Tick(TimeSpan.FromMinutes(1))));
    }
}
