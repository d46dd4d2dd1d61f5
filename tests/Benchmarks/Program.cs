using CommandCenter.Benchmarks.Support;

// Usage: CommandCenter.Benchmarks <suite> [--quick]
var suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t, nonPublic: true)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

string? name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (name is null || !suites.TryGetValue(name, out var suite))
{
    Console.Error.WriteLine($"usage: CommandCenter.Benchmarks <{string.Join("|", suites.Keys.Order())}> [--quick]");
    return 2;
}

await suite.RunAsync(quick: args.Contains("--quick"));
return 0;
