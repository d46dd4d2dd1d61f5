using CommandCenter.LoadGen;

// Usage: CommandCenter.LoadGen [--quick] [--subjects N] [--fences N] [--rate N] [--seconds N] [--latency-rate N] [--latency-seconds N] [--batch N] [--app path/CommandCenter.dll]
return await IngestLoad.RunAsync(LoadOptions.Parse(args));
