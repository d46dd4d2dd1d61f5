using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// One unit of the engine's work, to be stored in one database transaction: fixes evaluated, timers run,
/// check-ins and permits taken in. The engine's memory changes only when <see cref="Commit"/> is called
/// after storage has committed; a transaction that is dropped leaves the engine as it was, so fixes that
/// a device sends again after a failed write are judged afresh.
/// </summary>
public sealed class EngineTransaction
{
    private readonly AlertEngine _engine;
    private readonly Dictionary<long, SubjectState?> _staged = [];
    private readonly List<AlertDecision> _decisions = [];
    private readonly List<TransitionNotice> _transitions = [];
    private bool _ticked;

    internal EngineTransaction(AlertEngine engine, DateTimeOffset now, long generation)
    {
        _engine = engine;
        Now = now;
        Generation = generation;
        Fences = engine.Fences.Current;
    }

    /// <summary>The server time of this unit of work.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The fence snapshot used throughout this unit of work.</summary>
    public FenceIndex Fences { get; }

    /// <summary>The alerts to raise and conditions to clear, in the order decided.</summary>
    public IReadOnlyList<AlertDecision> Decisions => _decisions;

    /// <summary>Pending crossings started, confirmed or cancelled, for the wall.</summary>
    public IReadOnlyList<TransitionNotice> Transitions => _transitions;

    internal long Generation { get; }

    internal AlertEngineOptions Options => _engine.Options;

    internal TimeZoneInfo TimeZone => Fences.TimeZone;

    internal EngineScratch Scratch => _engine.Scratch;

    /// <summary>
    /// Evaluates a batch of fixes: each subject's fixes in time order; a fix not newer than the subject's
    /// last one counts as contact (and its events are heard) but cannot move the subject back in time.
    /// </summary>
    public void Evaluate(IReadOnlyList<FixReport> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        var order = new int[fixes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var bySubject = fixes[a].Subject.SubjectId.CompareTo(fixes[b].Subject.SubjectId);
            return bySubject != 0 ? bySubject : fixes[a].FixTime.CompareTo(fixes[b].FixTime);
        });

        foreach (var i in order)
        {
            EvaluateFix(fixes[i], i);
        }
    }

    /// <summary>
    /// Runs the timer rules at <see cref="Now"/>: confirms crossings that have dwelt long enough, looks at
    /// everybody a fence opening or closing concerns (a curfew starting finds the subject out), and checks
    /// silences, check-in deadlines, order ends and returns from leave.
    /// </summary>
    public void Tick() => Tick(0, 1);

    /// <summary>
    /// Runs the timer rules as <see cref="Tick()"/> does, but checks silences, check-ins, order ends, returns, spot
    /// checks and roll calls only for the subjects whose id falls in <paramref name="slice"/> (id mod
    /// <paramref name="slices"/>). Crossings that have dwelt and fences that opened or closed are looked at for
    /// everybody at every tick. A host that ticks each slice in turn reviews every subject once per round, while no one
    /// tick sweeps them all: the sweep of a large county is a stall for the fixes waiting behind it.
    /// </summary>
    /// <param name="slice">Which slice this tick reviews, from 0 to <paramref name="slices"/> - 1.</param>
    /// <param name="slices">How many slices one round of ticks is cut into; 1 reviews everybody.</param>
    public void Tick(int slice, int slices)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slices);
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, slices);
        _ticked = true;
        foreach (var subjectId in _engine.SubjectsToLookAtAgain(Fences, Now))
        {
            if (Read(subjectId) is { LastFix: { } last } state)
            {
                var staged = Stage(state.Facts.SubjectId);
                PlaceRules.Evaluate(this, staged, Fences, new Sighting(last.Longitude, last.Latitude, last.AccuracyMetres, Now, last.At, -1));
                ProtectedPersonRules.Evaluate(this, staged, -1, countsAsFix: false);
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
        foreach (var subjectId in _engine.SubjectIds)
        {
            if (slices > 1 && subjectId % slices != slice)
            {
                continue;
            }

            var state = Read(subjectId)!;
            DeviceRules.OnTimer(this, state, today, _engine.LoadedAt);
            CalendarRules.ReviewCheckIns(this, Read(subjectId)!);
            CalendarRules.ReviewOrder(this, Read(subjectId)!, today);
            LeaveRules.ReviewReturns(this, Read(subjectId)!);
            SpotCheckRules.Review(this, Read(subjectId)!);
            RollCallRules.Review(this, Read(subjectId)!);
        }
    }

    /// <summary>Takes in a check-in (face sign-in, app or office); a missed-check-in condition ends.</summary>
    public void RecordCheckIn(long subjectId, DateTimeOffset at)
    {
        if (Read(subjectId) is not null)
        {
            CalendarRules.OnCheckIn(this, Stage(subjectId), at);
        }
    }

    /// <summary>Replaces a subject's check-in cadence, last check-in and leave permits, then looks at the subject again.</summary>
    public void UpdateSupervision(long subjectId, CheckInCadence? cadence, DateTimeOffset? lastCheckIn, IReadOnlyList<ApprovedLeave> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (Read(subjectId) is null)
        {
            return;
        }

        var state = Stage(subjectId);
        state.CheckIns = cadence;
        state.CheckInReviewAt = null;
        // Kept through the grace after the end, when the return is judged; one that ended unseen is judged at the next tick.
        state.Leaves = [.. leaves.Where(l => l.To + Options.DwellTime >= Now || l.EndedUnseen)];
        if (lastCheckIn is { } at)
        {
            CalendarRules.OnCheckIn(this, state, at);
        }

        if (state.LastFix is { } last)
        {
            PlaceRules.Evaluate(this, state, Fences, new Sighting(last.Longitude, last.Latitude, last.AccuracyMetres, Now, last.At, -1));
        }
    }

    /// <summary>Replaces a subject's spot checks still to judge (one was sent or answered) and judges them at once.</summary>
    public void UpdateSpotChecks(long subjectId, IReadOnlyList<SpotCheckDue> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (Read(subjectId) is null)
        {
            return;
        }

        var state = Stage(subjectId);
        state.SpotChecks = checks;
        SpotCheckRules.Review(this, state);
    }

    /// <summary>Replaces a subject's roll-call absences still to weigh (an officer marked one) and raises the new ones at once.</summary>
    public void UpdateRollCalls(long subjectId, IReadOnlyList<RollCallAbsence> absences)
    {
        ArgumentNullException.ThrowIfNull(absences);
        if (Read(subjectId) is null)
        {
            return;
        }

        var state = Stage(subjectId);
        state.RollCallAbsences = absences;
        RollCallRules.Review(this, state);
    }

    /// <summary>
    /// Replaces the protected people linked to a subject and their newest positions (a person's phone reported, or a
    /// link was made, changed or ended), then weighs the distance at once: the person moving toward the subject raises
    /// as surely as the subject moving toward the person. A person's new fix counts towards confirmation like the subject's.
    /// </summary>
    public void UpdateProtectedPeople(long subjectId, IReadOnlyList<ProtectedPersonLink> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (Read(subjectId) is null)
        {
            return;
        }

        var state = Stage(subjectId);
        var moved = people.Any(p => p.Position is { } position && !state.ProtectedPeople.Any(o => o.PersonId == p.PersonId && o.Position == position));
        state.ProtectedPeople = people;
        ProtectedPersonRules.Evaluate(this, state, -1, countsAsFix: moved);
    }

    /// <summary>
    /// Takes in the current facts of every subject under correction; subjects not listed (released) are
    /// forgotten, new ones are added with no history.
    /// </summary>
    public void UpdateFacts(IReadOnlyCollection<SubjectFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var listed = new HashSet<long>(facts.Count);
        foreach (var subject in facts)
        {
            listed.Add(subject.SubjectId);
            if (Read(subject.SubjectId) is not { } state || state.Facts != subject)
            {
                Stage(subject.SubjectId, subject).Facts = subject;
            }
        }

        foreach (var subjectId in _engine.SubjectIds)
        {
            if (!listed.Contains(subjectId))
            {
                _staged[subjectId] = null;
            }
        }
    }

    /// <summary>Makes this unit's changes the engine's memory; call after storage has committed.</summary>
    /// <exception cref="InvalidOperationException">Another unit of work was committed or begun since this one began.</exception>
    public void Commit() => _engine.Apply(this, _staged, _ticked);

    internal void Evaluate(IEnumerable<SubjectState> loaded)
    {
        foreach (var loadedState in loaded)
        {
            if (loadedState.LastFix is { } last)
            {
                // After a restart the last position is looked at now: a curfew may have begun meanwhile.
                var staged = Stage(loadedState.Facts.SubjectId);
                PlaceRules.Evaluate(this, staged, Fences, new Sighting(last.Longitude, last.Latitude, last.AccuracyMetres, Now, last.At, -1));
                ProtectedPersonRules.Evaluate(this, staged, -1, countsAsFix: false);
            }
        }
    }

    internal SubjectState? Read(long subjectId) =>
        _staged.TryGetValue(subjectId, out var staged) ? staged : _engine.Find(subjectId);

    /// <summary>The subject's state, copied into this transaction on first change.</summary>
    internal SubjectState Stage(long subjectId, SubjectFacts? facts = null)
    {
        if (_staged.TryGetValue(subjectId, out var staged) && staged is not null)
        {
            return staged;
        }

        var copy = _engine.Find(subjectId)?.Clone()
            ?? new SubjectState(facts ?? throw new InvalidOperationException($"Subject {subjectId} is not known to the engine."));
        _staged[subjectId] = copy;
        return copy;
    }

    internal void Raise(SubjectState state, RuleKey key, Sighting? sighting, AlertDetail? detail) =>
        _decisions.Add(new AlertDecision(AlertDecisionKind.Raise, new AlertKey(state.Facts.SubjectId, key), _engine.Severities.For(key.Rule), Now)
        {
            SquadId = state.Facts.SquadId,
            FixIndex = sighting?.FixIndex ?? -1,
            FixTime = sighting?.FixTime,
            Longitude = sighting?.Longitude,
            Latitude = sighting?.Latitude,
            Detail = detail,
        });

    internal void Clear(SubjectState state, RuleKey key, int fixIndex) =>
        _decisions.Add(new AlertDecision(AlertDecisionKind.ClearCondition, new AlertKey(state.Facts.SubjectId, key), _engine.Severities.For(key.Rule), Now)
        {
            SquadId = state.Facts.SquadId,
            FixIndex = fixIndex,
        });

    internal void Notice(TransitionNotice notice) => _transitions.Add(notice);

    private void EvaluateFix(FixReport fix, int index)
    {
        var state = Stage(fix.Subject.SubjectId, fix.Subject);
        state.Facts = fix.Subject;
        var fresh = state.LastFix is not { } last || fix.FixTime > last.At;
        var sighting = new Sighting(fix.Longitude, fix.Latitude, fix.AccuracyMetres, fix.FixTime, fix.FixTime, index);
        DeviceRules.OnContact(this, state, fix, sighting, fresh);
        if (!fresh)
        {
            return;
        }

        state.LastFix = new LastFix(fix.FixTime, fix.Longitude, fix.Latitude, fix.AccuracyMetres);
        DeviceRules.OnBattery(this, state, fix, sighting);
        PlaceRules.Evaluate(this, state, Fences, sighting);
        ProtectedPersonRules.Evaluate(this, state, index, countsAsFix: true);
    }
}
