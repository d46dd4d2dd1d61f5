namespace CommandCenter.Ingest;

/// <summary>The fixes could not be committed (the database is down or the queue is full); the sender should retry.</summary>
public class IngestUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
