using CommandCenter.Data;
using NetArchTest.Rules;

namespace CommandCenter.Tests.Architecture;

/// <summary>Geo and Alerts are pure: no web host, no database, no type of the command center host.</summary>
public class PureLibraryTests
{
    private static readonly string[] HostNamespaces =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "Microsoft.Extensions.DependencyInjection",
        .. FolderGraph.FoldersOf(typeof(CommandCenterDb).Assembly, []).Select(f => $"CommandCenter.{f}"),
    ];

    [Fact]
    public void GeoDependsOnNothingOfTheHost() =>
        AssertFree(typeof(CommandCenter.Geo.Fences.FenceIndex).Assembly);

    [Fact]
    public void AlertsDependsOnNothingOfTheHost() =>
        AssertFree(typeof(CommandCenter.Alerts.Rules.FixReport).Assembly);

    private static void AssertFree(System.Reflection.Assembly library)
    {
        var result = Types.InAssembly(library).ShouldNot().HaveDependencyOnAny(HostNamespaces).GetResult();

        Assert.True(result.IsSuccessful, $"Types that reach the host: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
