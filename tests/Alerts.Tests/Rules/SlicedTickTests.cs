using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

/// <summary>
/// A round of sliced ticks reviews every subject once, a slice a tick, so that no one tick sweeps a large county;
/// what concerns everybody at once (a curfew starting) is looked at in every slice.
/// </summary>
public class SlicedTickTests
{
    private readonly Scene scene = new(new AlertEngineOptions
    {
        Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromMinutes(15) }),
    });

    [Fact]
    public void EachSliceReviewsItsOwnSubjectsAndARoundReviewsEveryoneOnce()
    {
        var subjects = Enumerable.Range(10, 6).Select(id => scene.Subject(id)).ToArray();
        scene.Load(subjects);
        scene.Clock.Advance(TimeSpan.FromMinutes(20));

        var raised = new List<AlertKey>();
        for (var slice = 0; slice < 3; slice++)
        {
            var transaction = scene.Engine.Begin(scene.Now);
            transaction.Tick(slice, 3);
            transaction.Commit();
            var keys = Raised(transaction);
            Assert.All(keys, k => Assert.Equal(slice, k.SubjectId % 3));
            Assert.Equal(2, keys.Count);
            raised.AddRange(keys);
        }

        Assert.Equal(subjects.Select(s => new AlertKey(s.SubjectId, AlertRule.Offline)), raised.OrderBy(k => k.SubjectId));
    }

    [Fact]
    public void ACurfewStartingIsLookedAtInASliceThatDoesNotHoldTheSubject()
    {
        // Subject 1 sits outside its home at 21:59; at 22:00 its curfew starts, and the slice ticked then holds only even ids.
        var subject = scene.Subject(1);
        scene.Load(new SubjectSnapshot(subject) { LastFix = new LastFix(scene.Now, Inside.Lon, Inside.Lat, 10), LastContact = scene.Now });
        scene.Clock.Advance(new DateTimeOffset(2026, 11, 24, 21, 59, 0, TimeSpan.FromHours(8)) - scene.Now);
        var before = scene.Engine.Begin(scene.Now);
        before.Tick(0, 2);
        before.Commit();

        scene.Clock.Advance(TimeSpan.FromMinutes(2));
        var atCurfew = scene.Engine.Begin(scene.Now);
        atCurfew.Tick(0, 2);
        atCurfew.Commit();

        Assert.Equal(new AlertKey(1, AlertRule.Curfew, Home), Assert.Single(atCurfew.Transitions).Key);
    }

    [Fact]
    public void ASliceOutsideTheRoundIsRefused()
    {
        var transaction = scene.Engine.Begin(scene.Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => transaction.Tick(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => transaction.Tick(0, 0));
    }
}
