using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// Where the database is and what to do to it at start-up. The app connects as a role of limited rights
/// (<see cref="ConnectionString"/>); migrations run as the role that owns the tables
/// (<see cref="MigrationConnectionString"/>), so the app itself can neither rewrite the audit trail nor
/// switch its guards off.
/// </summary>
public class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>How many statements each connection keeps prepared when the connection string does not say (Npgsql's Max Auto Prepare).</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>Npgsql connection string of the app's role; <c>ConnectionStrings:CommandCenter</c> is used when this is empty.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Npgsql connection string of the role that owns the tables; needed to migrate.</summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>Apply pending migrations (and the app role's grants) at start-up (run.sh and the test fixture turn this on).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>How many days ahead the daily partitions of the positions table are created.</summary>
    [Range(1, 60)]
    public int PartitionDaysAhead { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var app = Parse(ConnectionString, nameof(ConnectionString), out var appProblem);
        if (appProblem is not null)
        {
            yield return appProblem;
        }

        if (MigrationConnectionString is null)
        {
            if (MigrateOnStart)
            {
                yield return new ValidationResult(
                    "Database:MigrateOnStart needs Database:MigrationConnectionString: migrations run as the role that owns the tables, never as the app's role.",
                    [nameof(MigrationConnectionString)]);
            }

            yield break;
        }

        var owner = Parse(MigrationConnectionString, nameof(MigrationConnectionString), out var ownerProblem);
        if (ownerProblem is not null)
        {
            yield return ownerProblem;
        }
        else if (app is not null && owner is not null && string.Equals(app.Username, owner.Username, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"Database:ConnectionString and Database:MigrationConnectionString both use the role '{app.Username}': the app must connect as a role that does not own the tables.",
                [nameof(ConnectionString), nameof(MigrationConnectionString)]);
        }
    }

    private static NpgsqlConnectionStringBuilder? Parse(string? value, string name, out ValidationResult? problem)
    {
        problem = null;
        if (value is null)
        {
            return null;
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(parsed.Username))
            {
                problem = new ValidationResult($"Database:{name} names no Username: say which role connects.", [name]);
            }

            return parsed;
        }
        catch (ArgumentException exception)
        {
            problem = new ValidationResult($"Database:{name} is not a valid connection string: {exception.Message}", [name]);
            return null;
        }
    }
}
