using CommandCenter.TestSupport.FieldMessages;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.TestSupport.Operations;

/// <summary>The small demo county sending its traces over OTLP (http/protobuf) to a local receiver standing in for a collector.</summary>
public sealed class TracedApp : SmallCountyApp, Xunit.IAsyncLifetime
{
    public FieldReceiver Collector { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Telemetry:OtlpEndpoint"] = Collector.Url("/"),
        ["Telemetry:OtlpProtocol"] = "http/protobuf",
    };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}
