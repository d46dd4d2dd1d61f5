using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Rules;

/// <summary>离线, 低电量, 关机 and 防拆: what the device itself says, or does not say.</summary>
internal static class DeviceRules
{
    private static readonly RuleKey Offline = new(AlertRule.Offline, null);
    private static readonly RuleKey PowerOff = new(AlertRule.PowerOff, null);
    private static readonly RuleKey Tamper = new(AlertRule.Tamper, null);
    private static readonly RuleKey LowBattery = new(AlertRule.LowBattery, null);

    /// <summary>Any report, fresh or late, is contact; events are weighed here too.</summary>
    public static void OnContact(EngineTransaction tx, SubjectState state, FixReport fix, in Sighting sighting, bool fresh)
    {
        if (state.LastContact is not { } contact || contact < tx.Now)
        {
            state.LastContact = tx.Now;
        }

        if (state.Active.Contains(Offline))
        {
            state.Active.Remove(Offline);
            tx.Clear(state, Offline, sighting.FixIndex);
        }

        switch (fix.Event)
        {
            // A strap cut that arrives late is still a strap cut.
            case DeviceEvent.Tamper when !state.Active.Contains(Tamper):
                state.Active.Add(Tamper);
                tx.Raise(state, Tamper, sighting, AlertDetail.Tamper());
                break;

            // A late power-off, after the device has reported again since, says nothing about now.
            case DeviceEvent.PowerOff when fresh && !state.Active.Contains(PowerOff):
                state.Active.Add(PowerOff);
                tx.Raise(state, PowerOff, sighting, AlertDetail.PowerOff());
                break;

            case DeviceEvent.None when fresh && state.Active.Contains(PowerOff):
                state.Active.Remove(PowerOff);
                tx.Clear(state, PowerOff, sighting.FixIndex);
                break;
        }
    }

    /// <summary>A fresh fix's battery: alarm at the low level, recover only clearly above it (or on the charger).</summary>
    public static void OnBattery(EngineTransaction tx, SubjectState state, FixReport fix, in Sighting sighting)
    {
        var options = tx.Options;
        var active = state.Active.Contains(LowBattery);
        if (fix.BatteryPercent is { } percent && percent <= options.LowBatteryPercent && fix.Charging != true)
        {
            if (!active)
            {
                state.Active.Add(LowBattery);
                tx.Raise(state, LowBattery, sighting, AlertDetail.LowBattery(percent));
            }
        }
        else if (active && (fix.Charging == true || fix.BatteryPercent >= options.BatteryRecoveredPercent))
        {
            state.Active.Remove(LowBattery);
            tx.Clear(state, LowBattery, sighting.FixIndex);
        }
    }

    /// <summary>No contact for longer than the threshold, while the subject is under electronic monitoring.</summary>
    public static void OnTimer(EngineTransaction tx, SubjectState state, DateOnly today, DateTimeOffset loadedAt)
    {
        var monitored = state.Facts.IsMonitoredOn(today);
        var active = state.Active.Contains(Offline);
        if (!monitored)
        {
            if (active)
            {
                // The order has ended: the silence is no longer watched.
                var ended = tx.Stage(state.Facts.SubjectId);
                ended.Active.Remove(Offline);
                tx.Clear(ended, Offline, -1);
            }

            return;
        }

        var since = state.LastContact ?? loadedAt;
        var silence = tx.Now - since;
        if (active || silence <= tx.Options.Offline.For(state.Facts.Tracker, state.Facts.RiskLevel))
        {
            return;
        }

        var staged = tx.Stage(state.Facts.SubjectId);
        staged.Active.Add(Offline);
        var local = TimeZoneInfo.ConvertTime(since, tx.TimeZone);
        var position = staged.LastFix is { } last
            ? new Sighting(last.Longitude, last.Latitude, last.AccuracyMetres, tx.Now, last.At, -1)
            : (Sighting?)null;
        tx.Raise(staged, Offline, position, AlertDetail.Offline(local, silence));
    }
}
