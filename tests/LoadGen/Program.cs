using CommandCenter.LoadGen;

// Usage: CommandCenter.LoadGen [cluster] [--quick] [--subjects N] [--fences N] [--rate N] [--seconds N] [--latency-rate N] [--latency-seconds N] [--batch N] [--app path/CommandCenter.dll]
var options = LoadOptions.Parse(args);
return args.FirstOrDefault() == "cluster" ? await ClusterLoad.RunAsync(options) : await IngestLoad.RunAsync(options);
