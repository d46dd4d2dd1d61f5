using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Tests.Rules;

public class ProtectedPersonRulesTests
{
    private const int Person = 41;
    private const double ExclusionMetres = 200;
    private const double WarningMetres = 1000;

    // Metres per degree of longitude at the scene's latitude (35.52°), for placing people east of each other.
    private const double MetresPerLongitudeDegree = 111_195 * 0.81388;

    private static readonly AlertKey Near = new(7, AlertRule.ProtectedPersonNear);
    private static readonly AlertKey Breach = new(7, AlertRule.ProtectedPersonBreach);

    private readonly Scene scene = new(new AlertEngineOptions { Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromDays(365) }) });

    private static (double Lon, double Lat) East(double metres) => (Scene.Inside.Lon + (metres / MetresPerLongitudeDegree), Scene.Inside.Lat);

    private ProtectedPersonLink PersonAt(double metresEast, TimeSpan? age = null, double accuracy = 10)
    {
        var at = East(metresEast);
        return new ProtectedPersonLink(Person, ExclusionMetres, WarningMetres, new LastFix(scene.Now - (age ?? TimeSpan.Zero), at.Lon, at.Lat, accuracy));
    }

    /// <summary>Loads subject 7, last seen at the scene's inside point a minute ago, linked to the person.</summary>
    private SubjectFacts LoadWith(ProtectedPersonLink link)
    {
        var subject = scene.Subject(7);
        scene.Load(new SubjectSnapshot(subject)
        {
            LastFix = new LastFix(scene.Now.AddMinutes(-1), Scene.Inside.Lon, Scene.Inside.Lat, 10),
            LastContact = scene.Now.AddMinutes(-1),
            ProtectedPeople = [link],
        });
        return subject;
    }

    private EngineTransaction PersonMoves(double metresEast, TimeSpan after)
    {
        scene.Clock.Advance(after);
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateProtectedPeople(7, [PersonAt(metresEast)]);
        update.Commit();
        return update;
    }

    [Fact]
    public void TheSubjectApproachingRaisesTheWarningThenTheBreachEachAfterTwoFixesWithOnlyTheDistanceInTheDetail()
    {
        var subject = LoadWith(PersonAt(3000));

        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2200)))));
        var warned = scene.Send(scene.Fix(subject, East(2210)));
        Assert.Equal([Near], Scene.Raised(warned));
        Assert.Equal(new AlertDetail(AlertDetail.ProtectedPersonNearKey, ["790", "1000"]), warned.Decisions[0].Detail);

        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2900)))));
        var breached = scene.Send(scene.Fix(subject, East(2880)));
        Assert.Equal([Breach], Scene.Raised(breached));
        Assert.Equal(new AlertDetail(AlertDetail.ProtectedPersonBreachKey, ["120", "200"]), breached.Decisions[0].Detail);
    }

    [Fact]
    public void TheProtectedPersonApproachingAStillSubjectRaisesAndTheAlertCarriesTheSubjectsPositionNotThePersons()
    {
        LoadWith(PersonAt(5000));

        Assert.Empty(Scene.Raised(PersonMoves(150, TimeSpan.FromSeconds(20))));
        var breached = PersonMoves(120, TimeSpan.FromSeconds(20));

        Assert.Equal([Breach, Near], Scene.Raised(breached));
        Assert.All(breached.Decisions, d =>
        {
            Assert.Equal(Scene.Inside.Lon, d.Longitude);
            Assert.Equal(Scene.Inside.Lat, d.Latitude);
        });
    }

    [Fact]
    public void OneLookWithinIsConfirmedByDwellOnTheTimer()
    {
        var subject = LoadWith(PersonAt(3000));
        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2950)))));

        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromSeconds(30))));
        Assert.Equal([Breach, Near], Scene.Raised(scene.Tick(TimeSpan.FromSeconds(31))));
    }

    [Fact]
    public void ADistanceWithinTheFixesAccuracyOfTheRadiusNeitherAdvancesNorCancels()
    {
        var subject = LoadWith(PersonAt(3000));
        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2850)))));

        // 190 m with 10 m + 10 m of accuracy may be 210 m: not clearly within the 200 m, not clearly out.
        var uncertain = scene.Send(scene.Fix(subject, East(2810)));
        Assert.Equal([Near], Scene.Raised(uncertain));
        Assert.DoesNotContain(uncertain.Transitions, t => t.Key == Breach && t.Change == TransitionChange.Cancelled);
        Assert.Contains(scene.Engine.PendingOf(7), p => p.Rule.Rule == AlertRule.ProtectedPersonBreach);

        Assert.Equal([Breach], Scene.Raised(scene.Send(scene.Fix(subject, East(2850)))));
    }

    [Fact]
    public void MovingApartEndsTheConditionsAndAPendingCrossingIsCancelled()
    {
        var subject = LoadWith(PersonAt(3000));
        scene.Send(scene.Fix(subject, East(2900)));
        scene.Send(scene.Fix(subject, East(2900)));
        Assert.Equal([AlertRule.ProtectedPersonNear, AlertRule.ProtectedPersonBreach], scene.Engine.ActiveOf(7).Select(k => k.Rule).Order());

        var apart = scene.Send(scene.Fix(subject, East(1500)));

        Assert.Equal([Breach, Near], Scene.Cleared(apart));
        Assert.Empty(scene.Engine.ActiveOf(7));
    }

    [Fact]
    public void AStalePositionOnEitherSideSaysNothing()
    {
        var subject = LoadWith(PersonAt(3000, age: TimeSpan.FromMinutes(20)));

        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2950)))));
        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, East(2950)))));
        Assert.Empty(Scene.Raised(scene.Tick(TimeSpan.FromMinutes(2))));

        // The subject's own position, silent for 20 minutes, says nothing about a person who arrives beside it.
        scene.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Empty(Scene.Raised(PersonMoves(20, TimeSpan.Zero)));
        Assert.Empty(Scene.Raised(PersonMoves(10, TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public void AnOpenConditionReadBackAtStartIsNotRaisedAgain()
    {
        var subject = scene.Subject(7);
        var load = scene.Load(new SubjectSnapshot(subject)
        {
            LastFix = new LastFix(scene.Now.AddSeconds(-10), Scene.Inside.Lon, Scene.Inside.Lat, 10),
            ProtectedPeople = [PersonAt(500)],
            OpenConditions = [Near.Rule],
        });

        Assert.Empty(Scene.Raised(load));
        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, Scene.Inside))));
        Assert.Empty(Scene.Raised(scene.Send(scene.Fix(subject, Scene.Inside))));
    }

    [Fact]
    public void EndingTheLastLinkEndsTheConditions()
    {
        var subject = LoadWith(PersonAt(3000));
        scene.Send(scene.Fix(subject, East(2600)));
        scene.Send(scene.Fix(subject, East(2600)));

        var update = scene.Engine.Begin(scene.Now);
        update.UpdateProtectedPeople(7, []);
        update.Commit();

        Assert.Equal([Near], Scene.Cleared(update));
    }

    [Fact]
    public void TheEarlyWarningIsMinorAndTheBreachCriticalUnlessTheSiteSaysOtherwise()
    {
        var defaults = new SeverityPolicy();
        Assert.Equal(AlertSeverity.Minor, defaults.For(AlertRule.ProtectedPersonNear));
        Assert.Equal(AlertSeverity.Critical, defaults.For(AlertRule.ProtectedPersonBreach));

        var site = new SeverityPolicy(new Dictionary<AlertRule, AlertSeverity> { [AlertRule.ProtectedPersonNear] = AlertSeverity.Major });
        Assert.Equal(AlertSeverity.Major, site.For(AlertRule.ProtectedPersonNear));
    }
}
