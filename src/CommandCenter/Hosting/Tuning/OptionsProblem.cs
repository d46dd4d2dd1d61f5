namespace CommandCenter.Hosting.Tuning;

/// <summary>A setting that breaks a rule of its options: the key relative to the options' section, and why.</summary>
public sealed record OptionsProblem(string Key, string Message);
