namespace CommandCenter.Ingest;

/// <summary>A device as the ingest path needs it, with the facts about its subject that the rules and the feed use.</summary>
public record RegisteredDevice(
    int DeviceId,
    string Serial,
    string KeyHash,
    int SubjectId,
    string SubjectCode,
    int SquadId,
    string SquadName,
    bool LocationVisible);
