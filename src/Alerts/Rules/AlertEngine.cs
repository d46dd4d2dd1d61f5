using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// The supervision rules over the fence index and each subject's tracking state: fixes and timers in,
/// decisions (raise, clear a condition) and pending crossings out. Work is done in
/// <see cref="EngineTransaction"/>s that the host stores in one database transaction and then commits.
/// </summary>
/// <remarks>
/// Not thread-safe: one ingest pipeline owns the engine and gives it one unit of work at a time. The
/// memory is rebuilt with <see cref="Load"/> when the host starts (latest positions and open alerts).
/// </remarks>
public sealed class AlertEngine
{
    private readonly Dictionary<long, SubjectState> _subjects = [];
    private readonly HashSet<long> _pending = [];
    private readonly HashSet<long> _watchingPlace = [];
    private long _generation;
    private DateTimeOffset _lastTick;
    private FenceIndex? _lastTickFences;
    private volatile SeverityPolicy _severities;
    private volatile AlertEngineOptions _options;

    /// <summary>Creates an engine with no subjects.</summary>
    /// <param name="fences">The holder of the current fence snapshot (swapped when fences change).</param>
    /// <param name="severities">The severity of each rule.</param>
    /// <param name="options">Debounce, thresholds and reminders; defaults when omitted.</param>
    public AlertEngine(FenceIndexHolder fences, SeverityPolicy severities, AlertEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fences);
        Fences = fences;
        (_severities, _options) = Checked(severities, options ?? new AlertEngineOptions());
    }

    /// <summary>The fences the rules read.</summary>
    public FenceIndexHolder Fences { get; }

    /// <summary>The severity of each rule.</summary>
    public SeverityPolicy Severities => _severities;

    /// <summary>The engine's settings.</summary>
    public AlertEngineOptions Options => _options;

    /// <summary>
    /// Takes new severities and settings while the engine runs (a site changed them): the next fix and the next
    /// timer tick are judged by them. What is pending keeps its start, so a shorter threshold can confirm it sooner.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No fix would confirm a crossing.</exception>
    public void Reconfigure(SeverityPolicy severities, AlertEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_severities, _options) = Checked(severities, options);
    }

    private static (SeverityPolicy, AlertEngineOptions) Checked(SeverityPolicy severities, AlertEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(severities);
        return options.ConfirmationFixes < 1
            ? throw new ArgumentOutOfRangeException(nameof(options), "At least one fix must confirm a crossing.")
            : (severities, options);
    }

    /// <summary>How many subjects the engine tracks.</summary>
    public int SubjectCount => _subjects.Count;

    /// <summary>When the memory was last rebuilt; a subject never heard from counts as silent since then.</summary>
    public DateTimeOffset LoadedAt { get; private set; }

    internal EngineScratch Scratch { get; } = new();

    internal IReadOnlyCollection<long> SubjectIds => _subjects.Keys;

    /// <summary>Begins a unit of work at <paramref name="now"/> on the committed memory.</summary>
    public EngineTransaction Begin(DateTimeOffset now) => new(this, now, _generation);

    /// <summary>
    /// Replaces the memory with what storage holds, then looks at every subject's last position at
    /// <paramref name="now"/>. The returned unit of work holds what that look decided (a crossing still
    /// pending, a fence drawn while the host was down); store it and commit it like any other.
    /// </summary>
    public EngineTransaction Load(IEnumerable<SubjectSnapshot> snapshots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        _subjects.Clear();
        _pending.Clear();
        _watchingPlace.Clear();
        var zone = Fences.Current.TimeZone;
        foreach (var snapshot in snapshots)
        {
            var state = FromSnapshot(snapshot, now, zone);
            _subjects[snapshot.Facts.SubjectId] = state;
            Track(state);
        }

        LoadedAt = now;
        _lastTick = now;
        _lastTickFences = Fences.Current;
        _generation++;
        var transaction = Begin(now);
        transaction.Evaluate(_subjects.Values.ToList());
        return transaction;
    }

    /// <summary>Whether the subject has a crossing seen but not yet confirmed.</summary>
    public bool IsPending(long subjectId) => _pending.Contains(subjectId);

    /// <summary>The rules and fences a subject has a pending crossing of, with when each began.</summary>
    public IReadOnlyList<(RuleKey Rule, DateTimeOffset Since, int Fixes)> PendingOf(long subjectId) =>
        _subjects.TryGetValue(subjectId, out var state)
            ? [.. state.Pending.Select(p => (p.Key, p.Value.Since, p.Value.Fixes))]
            : [];

    /// <summary>The conditions the engine holds active (alerted and not ended) for a subject.</summary>
    public IReadOnlyCollection<RuleKey> ActiveOf(long subjectId) =>
        _subjects.TryGetValue(subjectId, out var state) ? [.. state.Active] : [];

    internal SubjectState? Find(long subjectId) => _subjects.GetValueOrDefault(subjectId);

    internal void Apply(EngineTransaction transaction, Dictionary<long, SubjectState?> staged, bool ticked)
    {
        if (transaction.Generation != _generation)
        {
            throw new InvalidOperationException("Another unit of work was committed since this one began; evaluate again.");
        }

        foreach (var (subjectId, state) in staged)
        {
            if (state is null)
            {
                _subjects.Remove(subjectId);
                _pending.Remove(subjectId);
                _watchingPlace.Remove(subjectId);
            }
            else
            {
                _subjects[subjectId] = state;
                Track(state);
            }
        }

        if (ticked)
        {
            _lastTick = transaction.Now;
            _lastTickFences = transaction.Fences;
        }

        _generation++;
    }

    /// <summary>
    /// The subjects a timer must look at again: crossings that have dwelt long enough, and everybody
    /// concerned by a fence that opened or closed since the last tick (or by a changed fence set).
    /// </summary>
    internal HashSet<long> SubjectsToLookAtAgain(FenceIndex fences, DateTimeOffset now)
    {
        var subjects = new HashSet<long>();
        foreach (var subjectId in _pending)
        {
            foreach (var pending in _subjects[subjectId].Pending.Values)
            {
                if (now - pending.Since >= Options.DwellTime)
                {
                    subjects.Add(subjectId);
                    break;
                }
            }
        }

        if (!ReferenceEquals(fences, _lastTickFences))
        {
            subjects.UnionWith(_watchingPlace);
            return subjects;
        }

        var before = TimeZoneInfo.ConvertTime(_lastTick, fences.TimeZone).DateTime;
        var after = TimeZoneInfo.ConvertTime(now, fences.TimeZone).DateTime;
        foreach (var fence in fences.Fences)
        {
            if (!fence.Schedule.IsAlways && fence.Schedule.IsActiveAtLocal(after) && !fence.Schedule.IsActiveAtLocal(before))
            {
                AddConcerned(fence, subjects);
            }
        }

        // A breach of a fence that is no longer active has ended (a curfew's morning), however long ago it closed.
        foreach (var subjectId in _watchingPlace)
        {
            var state = _subjects[subjectId];
            if (state.Active.Any(k => IsInactive(k, fences, after)) || state.Pending.Keys.Any(k => IsInactive(k, fences, after)))
            {
                subjects.Add(subjectId);
            }
        }

        return subjects;
    }

    private static bool IsInactive(RuleKey key, FenceIndex fences, DateTime siteLocalTime) =>
        key.FenceId is { } fenceId && (!fences.TryGet(fenceId, out var fence) || !fence.Schedule.IsActiveAtLocal(siteLocalTime));

    private void AddConcerned(FenceDefinition fence, HashSet<long> subjects)
    {
        if (fence.Scope.Kind == FenceScopeKind.ListedSubjects)
        {
            subjects.UnionWith(fence.Scope.SubjectIds.Where(_subjects.ContainsKey));
            return;
        }

        foreach (var (subjectId, state) in _subjects)
        {
            if (fence.Scope.AppliesTo(state.Facts.FenceSubject))
            {
                subjects.Add(subjectId);
            }
        }
    }

    private void Track(SubjectState state)
    {
        var subjectId = state.Facts.SubjectId;
        if (state.Pending.Count > 0)
        {
            _pending.Add(subjectId);
        }
        else
        {
            _pending.Remove(subjectId);
        }

        if (state.WatchesPlace)
        {
            _watchingPlace.Add(subjectId);
        }
        else
        {
            _watchingPlace.Remove(subjectId);
        }
    }

    private SubjectState FromSnapshot(SubjectSnapshot snapshot, DateTimeOffset now, TimeZoneInfo zone)
    {
        var state = new SubjectState(snapshot.Facts)
        {
            LastFix = snapshot.LastFix,
            LastContact = snapshot.LastContact ?? snapshot.LastFix?.At,
            CheckIns = snapshot.CheckIns,
            LastCheckIn = snapshot.LastCheckIn,
            Leaves = snapshot.Leaves,
            SpotChecks = snapshot.SpotChecks,
            SpotChecksAlertedUpTo = snapshot.LastSpotCheckFailedAlert,
            RollCallAbsences = snapshot.RollCallAbsences,
            RollCallsAlertedUpTo = snapshot.LastRollCallMissedAlert,
            ProtectedPeople = snapshot.ProtectedPeople,
        };
        state.Active.UnionWith(snapshot.OpenConditions);

        if (snapshot.CheckIns is { } cadence && snapshot.LastMissedCheckInAlert is { } missedAlert)
        {
            var number = cadence.LatestDeadlineNumber(now, zone);
            if (number >= 0 && missedAlert >= cadence.Deadline(number, zone))
            {
                state.MissedDeadlineAlerted = cadence.Deadline(number, zone);
            }
        }

        if (snapshot.Facts.Order is { } order && snapshot.LastOrderExpiryAlert is { } reminded)
        {
            var remindedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reminded, zone).DateTime);
            if (CalendarRules.Milestone(Options.OrderExpiryReminderDays, order.End.DayNumber - remindedOn.DayNumber) is { } milestone)
            {
                state.OrderReminder = new OrderReminder(order.End, milestone);
            }
        }

        return state;
    }
}
