using CommandCenter.TestSupport.Operations;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// Metrics are counted by meters that every app in this test process shares by name, so the tests that read
/// counters run alone, after the parallel classes, and see only what they did themselves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatorsCollection : ICollectionFixture<OperatorsApp>
{
    public const string Name = "operators";
}
