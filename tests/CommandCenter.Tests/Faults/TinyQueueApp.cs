using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Faults;

/// <summary>A county whose ingest queue holds only a hundred fixes.</summary>
public class TinyQueueApp : SmallCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Ingest:QueueCapacity"] = "100",
    };
}
