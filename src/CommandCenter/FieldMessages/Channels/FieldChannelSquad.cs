namespace CommandCenter.FieldMessages.Channels;

/// <summary>A squad as the channel form offers it: by the code the channel stores, with its name.</summary>
public sealed record FieldChannelSquad(string Code, string Name);
