using CommandCenter.Subjects;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>Reads the device directory again when a subject's facts change. The change has committed already, so a
/// failed read only delays it to the periodic refresh: it is logged, never thrown at the officer who made it.</summary>
public class DirectoryOnSubjectChange(DeviceDirectory directory, ILogger<DirectoryOnSubjectChange> logger) : ISubjectFactsChanged
{
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await directory.RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Reading the device directory after a subject's change failed; the periodic refresh will take it in.");
        }
    }
}
