using CommandCenter.TestSupport.FieldMessages;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.TestSupport.Phone;

/// <summary>
/// The small demo county with a face service on a local receiver that says "the same person", and a phone rate
/// limit low enough for a test to reach.
/// </summary>
public class SpotCheckApp : SmallCountyApp
{
    public const int PhoneRequestsPerMinute = 20;

    public FieldReceiver FaceService { get; } = new() { Answer = """{"same":true,"score":0.91}""" };

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["SpotChecks:FaceServiceUrl"] = FaceService.Url("/compare"),
        ["Security:PhoneRequestsPerMinute"] = $"{PhoneRequestsPerMinute}",
    };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        FaceService.Dispose();
    }
}
