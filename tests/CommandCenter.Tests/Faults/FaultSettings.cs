using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Faults;

/// <summary>The settings of an app run as its own process for the fault tests: a small seeded county and no rate limit.</summary>
internal static class FaultSettings
{
    public static IReadOnlyDictionary<string, string?> SmallCounty { get; } = new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "true",
        ["Demo:SubjectCount"] = "60",
        ["Demo:CameraCount"] = "10",
        ["Demo:Curfews"] = "false",
        ["Demo:DeviceKeySecret"] = CommandCenterApp.DeviceKeySecret,
        ["Security:IngestRequestsPerSecond"] = "100000",
    };
}
