using CommandCenter.TestSupport.Operations;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// Metrics are counted by meters that every app in this test process shares by name (and an app that stops takes
/// its meters' streams with it), so the tests that read counters run alone, after the parallel classes, with no
/// other app starting or stopping meanwhile: they see only what they did themselves. Keep other fixtures out of it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatorsCollection : ICollectionFixture<OperatorsApp>
{
    public const string Name = "operators";
}
