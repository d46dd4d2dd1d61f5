using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Ingest;

/// <summary>A subject's check-in cadence, last check-in and leave permits, as the rules take them in.</summary>
public record SupervisionRecord(CheckInCadence? CheckIns, DateTimeOffset? LastCheckIn, IReadOnlyList<ApprovedLeave> Leaves);
