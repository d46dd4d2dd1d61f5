namespace CommandCenter.Live.Log;

/// <summary>The live log's epoch, its latest number, and the oldest number still kept (null when none is).</summary>
public record LiveLogBounds(string Epoch, long Last, long? Oldest);
