using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.IO;

namespace CommandCenter.Alerts.Tests.Support;

/// <summary>
/// A small county for the rule tests: a square inclusion zone with a 200 m buffer, a school that every
/// subject must keep out of, a victim's home banned to subject 1 (immediate), and subject 1's home zone
/// with a curfew from 22:00 to 06:00 (Shanghai). The clock starts on a Tuesday at 10:00.
/// </summary>
internal sealed class Scene
{
    public const int County = 1;
    public const int School = 2;
    public const int VictimHome = 3;
    public const int Home = 4;

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Inside the county, away from every other fence.</summary>
    public static readonly (double Lon, double Lat) Inside = (117.62, 35.52);

    /// <summary>About 9 km east of the county.</summary>
    public static readonly (double Lon, double Lat) FarOutside = (117.80, 35.50);

    /// <summary>300 m east of the county's drawn edge: beyond its 200 m buffer.</summary>
    public static readonly (double Lon, double Lat) JustOutside = (117.70331, 35.50);

    public static readonly (double Lon, double Lat) InSchool = (117.601, 35.501);

    public static readonly (double Lon, double Lat) AtVictimHome = (117.6505, 35.5505);

    public static readonly (double Lon, double Lat) AtHome = (117.5505, 35.4505);

    public Scene(AlertEngineOptions? options = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        Fences = new FenceIndexHolder(new FenceIndex(
        [
            new FenceDefinition(County, "county", FenceKind.Inclusion, Wkt("POLYGON((117.5 35.4, 117.7 35.4, 117.7 35.6, 117.5 35.6, 117.5 35.4))"), bufferMetres: 200),
            new FenceDefinition(School, "school", FenceKind.Exclusion, Wkt("POLYGON((117.600 35.500, 117.602 35.500, 117.602 35.502, 117.600 35.502, 117.600 35.500))")),
            new FenceDefinition(VictimHome, "victim", FenceKind.Exclusion, Wkt("POLYGON((117.650 35.550, 117.651 35.550, 117.651 35.551, 117.650 35.551, 117.650 35.550))"),
                scope: FenceScope.ListedSubjects([1]), immediate: true),
            new FenceDefinition(Home, "home of 1", FenceKind.Home, Wkt("POLYGON((117.550 35.450, 117.551 35.450, 117.551 35.451, 117.550 35.451, 117.550 35.450))"),
                scope: FenceScope.ListedSubjects([1]), schedule: new FenceSchedule([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))])),
        ], Shanghai));
        Engine = new AlertEngine(Fences, new SeverityPolicy(), options);
    }

    public FakeTimeProvider Clock { get; }

    public FenceIndexHolder Fences { get; }

    public AlertEngine Engine { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static NetTopologySuite.Geometries.Geometry Wkt(string wkt) => Wgs84.Factory.CreateGeometry(new WKTReader().Read(wkt));

    /// <summary>A subject with a positioning order in force for the next 60 days.</summary>
    public SubjectFacts Subject(long id, TrackerKind tracker = TrackerKind.Bracelet, int risk = 1, OrderTerm? order = null) =>
        new(id, SquadId: 1, RiskLevel: risk, tracker, order ?? new OrderTerm(Today.AddDays(-10), Today.AddDays(60)));

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Shanghai).DateTime);

    /// <summary>Loads subjects, each last seen inside the county a minute ago, and commits the load.</summary>
    public void Load(params SubjectFacts[] subjects) => Load(subjects.Select(s => new SubjectSnapshot(s)
    {
        LastFix = new LastFix(Now.AddMinutes(-1), Inside.Lon, Inside.Lat, 10),
        LastContact = Now.AddMinutes(-1),
    }).ToArray());

    public EngineTransaction Load(params SubjectSnapshot[] snapshots)
    {
        var load = Engine.Load(snapshots, Now);
        load.Commit();
        return load;
    }

    public FixReport Fix(SubjectFacts subject, (double Lon, double Lat) at, double? accuracy = 10, int? battery = null, bool? charging = null, DeviceEvent @event = DeviceEvent.None) =>
        new(subject, Now, at.Lon, at.Lat) { AccuracyMetres = accuracy, BatteryPercent = battery, Charging = charging, Event = @event };

    /// <summary>Advances the clock, evaluates the fixes and commits, as the pipeline does after a successful write.</summary>
    public EngineTransaction Send(TimeSpan after, params FixReport[] fixes)
    {
        Clock.Advance(after);
        var transaction = Engine.Begin(Now);
        transaction.Evaluate([.. fixes.Select(f => f with { FixTime = Now })]);
        transaction.Commit();
        return transaction;
    }

    public EngineTransaction Send(params FixReport[] fixes) => Send(TimeSpan.FromSeconds(10), fixes);

    /// <summary>Advances the clock and runs the timer rules.</summary>
    public EngineTransaction Tick(TimeSpan after)
    {
        Clock.Advance(after);
        var transaction = Engine.Begin(Now);
        transaction.Tick();
        transaction.Commit();
        return transaction;
    }

    /// <summary>The raises of a unit of work, as (subject, rule, fence).</summary>
    public static List<AlertKey> Raised(EngineTransaction transaction) =>
        [.. transaction.Decisions.Where(d => d.Kind == AlertDecisionKind.Raise).Select(d => d.Key)];

    public static List<AlertKey> Cleared(EngineTransaction transaction) =>
        [.. transaction.Decisions.Where(d => d.Kind == AlertDecisionKind.ClearCondition).Select(d => d.Key)];
}
