using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// How long a subject's device may stay silent before 离线 is raised: set per device kind, and per device
/// kind and risk level where a site wants the risky watched more closely.
/// </summary>
public sealed class OfflineThresholds
{
    private readonly Dictionary<TrackerKind, TimeSpan> _byKind;
    private readonly Dictionary<(TrackerKind, int), TimeSpan> _byKindAndRisk;

    /// <summary>Creates thresholds; a kind not named falls back to <see cref="DefaultFor"/>.</summary>
    /// <param name="byKind">The threshold of each device kind.</param>
    /// <param name="byKindAndRisk">Overrides for a device kind at a risk level.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not positive.</exception>
    public OfflineThresholds(
        IReadOnlyDictionary<TrackerKind, TimeSpan>? byKind = null,
        IReadOnlyDictionary<(TrackerKind Kind, int RiskLevel), TimeSpan>? byKindAndRisk = null)
    {
        _byKind = new Dictionary<TrackerKind, TimeSpan>(byKind ?? new Dictionary<TrackerKind, TimeSpan>());
        _byKindAndRisk = new Dictionary<(TrackerKind, int), TimeSpan>();
        foreach (var (key, value) in byKindAndRisk ?? new Dictionary<(TrackerKind, int), TimeSpan>())
        {
            _byKindAndRisk[key] = value;
        }

        if (_byKind.Values.Concat(_byKindAndRisk.Values).Any(t => t <= TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(byKind), "Offline thresholds must be positive.");
        }
    }

    /// <summary>The built-in threshold of a device kind: a bracelet reports every minute or so, a phone far less reliably.</summary>
    public static TimeSpan DefaultFor(TrackerKind kind) => kind == TrackerKind.Bracelet ? TimeSpan.FromMinutes(15) : TimeSpan.FromMinutes(60);

    /// <summary>The threshold for a device kind and a risk level.</summary>
    public TimeSpan For(TrackerKind kind, int riskLevel) =>
        _byKindAndRisk.TryGetValue((kind, riskLevel), out var specific) ? specific
        : _byKind.TryGetValue(kind, out var general) ? general
        : DefaultFor(kind);
}
