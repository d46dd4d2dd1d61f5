using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The dependencies between the top-level folders of the host, read from the compiled assembly: a folder
/// depends on another when one of its types (a razor component included) refers to one of the other's.
/// Reading IL rather than source catches what a text search misses: relative names, razor imports, generics.
/// It cannot see constants (the compiler copies their values) nor types named only in attribute arguments, so a
/// razor page's <c>@layout</c> (a <see cref="Microsoft.AspNetCore.Components.LayoutAttribute"/>) is read apart.
/// </summary>
public sealed class FolderGraph
{
    private const string Root = "CommandCenter";

    private FolderGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>For each folder, the folders its types refer to.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    public IEnumerable<(string From, string To)> EdgeList =>
        Edges.SelectMany(e => e.Value.Select(to => (e.Key, to))).OrderBy(e => e.Key).ThenBy(e => e.to);

    /// <summary>Top-level folders of <paramref name="assembly"/>, leaving out <paramref name="aside"/>.</summary>
    public static IReadOnlyList<string> FoldersOf(Assembly assembly, IEnumerable<string> aside) =>
        Types.InAssembly(assembly).GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct()
            .Except(aside)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static FolderGraph Read(Assembly assembly, IReadOnlyList<string> folders)
    {
        var types = Types.InAssembly(assembly);
        var edges = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var from in folders)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var to in folders.Where(f => f != from))
            {
                var users = types.That().ResideInNamespaceMatching(InFolder(from))
                    .And().HaveDependencyOn($"{Root}.{to}")
                    .GetTypes();
                if (users.Any() || LayoutsOf(assembly, from).Contains(to))
                {
                    targets.Add(to);
                }
            }
            edges[from] = targets;
        }
        return new FolderGraph(edges);
    }

    /// <summary>Groups of folders that reach each other (strongly connected components larger than one).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CyclesOf(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? new HashSet<string>())
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] != index[v])
            {
                return;
            }
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            } while (popped != v);
            if (component.Count > 1)
            {
                cycles.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }

        foreach (var v in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return cycles;
    }

    private static IReadOnlySet<string> LayoutsOf(Assembly assembly, string folder) =>
        assembly.GetTypes()
            .Where(t => Regex.IsMatch(t.Namespace ?? "", InFolder(folder)))
            .Select(t => t.GetCustomAttribute<Microsoft.AspNetCore.Components.LayoutAttribute>()?.LayoutType.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .ToHashSet();

    private static string InFolder(string folder) => $@"^{Regex.Escape(Root)}\.{Regex.Escape(folder)}(\.|$)";
}
