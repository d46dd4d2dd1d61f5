namespace CommandCenter.Ingest;

/// <summary>A fix that passed validation and whose device proved its key.</summary>
public record AcceptedFix(
    RegisteredDevice Device,
    DateTimeOffset FixTime,
    double Latitude,
    double Longitude,
    double? Accuracy,
    double? Speed,
    double? Heading,
    int? Battery);
