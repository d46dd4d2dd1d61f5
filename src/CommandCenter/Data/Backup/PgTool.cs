using System.Diagnostics;
using Npgsql;

namespace CommandCenter.Data.Backup;

/// <summary>Runs pg_dump or pg_restore against the database of a connection string, the password passed in the environment, never on the command line.</summary>
public static class PgTool
{
    public static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in ConnectionArguments(connection).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }

    /// <summary>The standard output of a run, for a listing.</summary>
    public static async Task<string> ReadAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
    }

    private static IEnumerable<string> ConnectionArguments(NpgsqlConnectionStringBuilder connection)
    {
        yield return "--host=" + connection.Host;
        yield return "--port=" + connection.Port;
        yield return "--username=" + connection.Username;
        yield return "--dbname=" + connection.Database;
        yield return "--no-password";
    }
}
