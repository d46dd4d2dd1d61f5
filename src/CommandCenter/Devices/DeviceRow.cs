using CommandCenter.Subjects;

namespace CommandCenter.Devices;

/// <summary>A device as lists and details show it. Its key is never part of it: a key is shown once, when it is issued.</summary>
public record DeviceRow(
    int Id,
    string Serial,
    DeviceKind Kind,
    int SubjectId,
    string SubjectCode,
    int SquadId,
    bool Active,
    DateTimeOffset? EnrolledAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? LastFixAt,
    uint Version);
