using System.Diagnostics.Metrics;
using CommandCenter.Live;

namespace CommandCenter.Ingest.Telemetry;

/// <summary>What the operators watch of the rules: alerts raised by kind and severity, and the crossings pending now.</summary>
public sealed class RuleMetrics
{
    public const string MeterName = "CommandCenter.Rules";

    private readonly Counter<long> raised;

    public RuleMetrics(IMeterFactory meters, PendingTransitions pending)
    {
        var meter = meters.Create(MeterName);
        raised = meter.CreateCounter<long>("commandcenter.rules.alerts.raised", "{alert}",
            "Alerts raised and committed, by rule (kind) and severity.");
        meter.CreateObservableGauge("commandcenter.rules.crossings.pending", () => pending.Count, "{crossing}",
            "Fence crossings seen but not yet confirmed (debounce), as the walls show them.");
    }

    /// <summary>Counts the alerts a committed batch raised (not those it only changed).</summary>
    public void AlertsRaised(IEnumerable<StoredAlert> alerts)
    {
        foreach (var alert in alerts.Where(a => a.Inserted))
        {
            raised.Add(1, new KeyValuePair<string, object?>("kind", alert.Rule.ToString()), new KeyValuePair<string, object?>("severity", alert.Severity.ToString()));
        }
    }
}
