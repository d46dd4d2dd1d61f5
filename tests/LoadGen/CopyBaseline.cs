using System.Diagnostics;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.LoadGen;

/// <summary>
/// The ceiling to compare with: the same number of rows of the same shape written by one raw binary COPY
/// into a table like the positions table (same columns, key and index), with nothing else going on.
/// </summary>
internal static class CopyBaseline
{
    public static async Task<double> RowsPerSecondAsync(string connectionString, IReadOnlyList<LoadSubject> subjects, long rows)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        await using var source = builder.Build();
        await using var connection = await source.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS positions_copy_baseline; CREATE TABLE positions_copy_baseline (LIKE positions INCLUDING ALL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var geometry = new GeometryFactory(new PrecisionModel(), 4326);
        var start = TimeProvider.System.GetUtcNow().AddDays(-1);
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var importer = await connection.BeginBinaryImportAsync(
                "COPY positions_copy_baseline (device_id, fix_time, subject_id, received_at, location, accuracy_meters, speed_kmh, heading, battery_percent) FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 0; i < rows; i++)
                {
                    var subject = subjects[(int)(i % subjects.Count)];
                    await importer.StartRowAsync();
                    await importer.WriteAsync(subject.DeviceId, NpgsqlDbType.Integer);
                    await importer.WriteAsync(start.AddMilliseconds(i / subjects.Count), NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(subject.Id, NpgsqlDbType.Integer);
                    await importer.WriteAsync(start, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(geometry.CreatePoint(new Coordinate(subject.HomeLongitude, subject.HomeLatitude)), NpgsqlDbType.Geometry);
                    await importer.WriteAsync(8.0, NpgsqlDbType.Double);
                    await importer.WriteNullAsync();
                    await importer.WriteNullAsync();
                    await importer.WriteAsync(80, NpgsqlDbType.Integer);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        clock.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE positions_copy_baseline", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }
}
