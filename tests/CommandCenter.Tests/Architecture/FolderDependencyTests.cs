using CommandCenter.Data;

namespace CommandCenter.Tests.Architecture;

/// <summary>Feature folders depend one way: every dependency is in the table, and the table has no cycle.</summary>
public class FolderDependencyTests
{
    private static readonly System.Reflection.Assembly Host = typeof(CommandCenterDb).Assembly;
    private static readonly IReadOnlyList<string> Folders = FolderGraph.FoldersOf(Host, FolderDirections.LeftAside);
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Read(Host, Folders));

    [Fact]
    public void EveryFolderOfTheHostHasARowInTheTable()
    {
        var missing = Folders.Where(f => !FolderDirections.Allowed.ContainsKey(f)).ToList();

        Assert.True(missing.Count == 0, $"Folders without a row in FolderDirections.Allowed: {string.Join(", ", missing)}");
    }

    [Fact]
    public void NoFolderDependsOnAFolderTheTableDoesNotAllow()
    {
        var unlisted = Graph.Value.EdgeList.Where(e => !Listed(FolderDirections.Allowed, e))
            .Select(e => $"{e.From} -> {e.To}").ToList();

        Assert.True(unlisted.Count == 0, $"Dependencies the table does not allow: {string.Join("; ", unlisted)}");
    }

    [Fact]
    public void TheAllowedDirectionsFormNoCycle()
    {
        var cycles = FolderGraph.CyclesOf(AsSets(FolderDirections.Allowed));

        Assert.True(cycles.Count == 0, $"Cycles in the allowed directions: {Describe(cycles)}");
    }

    [Fact]
    public void TheFoldersFormNoCycle()
    {
        var cycles = FolderGraph.CyclesOf(Graph.Value.Edges);

        Assert.True(cycles.Count == 0, $"Cycles between folders: {Describe(cycles)}");
    }

    [Fact]
    public void ACycleBetweenTwoFoldersIsFound()
    {
        var edges = new Dictionary<string, IReadOnlySet<string>>
        {
            ["Kit"] = new HashSet<string>(),
            ["Fences"] = new HashSet<string> { "Kit", "Subjects" },
            ["Subjects"] = new HashSet<string> { "Kit", "Fences" },
        };

        var cycle = Assert.Single(FolderGraph.CyclesOf(edges));

        Assert.Equal(["Fences", "Subjects"], cycle);
    }

    private static bool Listed(IReadOnlyDictionary<string, string[]> table, (string From, string To) edge) =>
        table.TryGetValue(edge.From, out var targets) && targets.Contains(edge.To);

    private static Dictionary<string, IReadOnlySet<string>> AsSets(IReadOnlyDictionary<string, string[]> table) =>
        table.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value.ToHashSet());

    private static string Describe(IEnumerable<IReadOnlyList<string>> cycles) =>
        string.Join("; ", cycles.Select(c => string.Join(" <-> ", c)));
}
