namespace CommandCenter.ProtectedPeople;

/// <summary>
/// A protected person as the set-up screen and the API show them: the name masked, the phone's serial, the linked
/// subjects with their radii, and when the phone last reported. Never where the person is, nor the phone's key.
/// </summary>
public record ProtectedPersonRow(int Id, string MaskedName, int SquadId, string SquadName, string Serial, bool Active, DateTimeOffset EnrolledAt,
    DateTimeOffset? LastReportAt, uint Version, IReadOnlyList<ProtectedLinkRow> Links);
