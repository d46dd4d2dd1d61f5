using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CommandCenter.Security.Audit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Data.Backup;

/// <summary>
/// A site's backup: one ZIP archive holding the database as a PostgreSQL custom-format dump, the audit anchors
/// file and a manifest. The anchors are copied before the dump is taken, so every anchor in a backup names an
/// entry its dump holds. The anchors' key is never in a backup: whoever holds a backup with the key could write
/// anchors agreeing with a rewritten trail. It is kept apart (deploy/README.md) and must be the same at restore.
/// </summary>
public class SiteBackup(
    IOptions<DatabaseOptions> database, IOptions<BackupOptions> options, IOptions<AuditAnchorOptions> anchors,
    AuditTrail audit, NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string DumpEntry = "database.dump";
    public const string AnchorsEntry = "audit-anchors.log";
    public const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the archive (refusing to overwrite a file); the backup is audited as an export of everything.</summary>
    public async Task<BackupManifest> BackupAsync(string file, string actor, CancellationToken cancellationToken)
    {
        if (File.Exists(file))
        {
            throw new BackupException($"{file} exists; a backup never overwrites a file.");
        }

        var owner = Owner();
        var work = Directory.CreateTempSubdirectory("cc-backup-");
        try
        {
            var anchorsCopy = Path.Combine(work.FullName, AnchorsEntry);
            var anchorsIncluded = File.Exists(anchors.Value.File);
            if (anchorsIncluded)
            {
                File.Copy(anchors.Value.File, anchorsCopy);
            }

            var lastEntry = await LastAuditEntryAsync(cancellationToken);
            var dump = Path.Combine(work.FullName, DumpEntry);
            await PgTool.RunAsync(options.Value.Tool("pg_dump"), owner, ["--format=custom", "--file=" + dump], cancellationToken);

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, time.GetUtcNow(), owner.Database!, await Sha256Async(dump, cancellationToken),
                new FileInfo(dump).Length, anchorsIncluded, lastEntry);
            await using (var archive = await ZipFile.OpenAsync(file, ZipArchiveMode.Create, cancellationToken))
            {
                await archive.CreateEntryFromFileAsync(dump, DumpEntry, CompressionLevel.NoCompression, cancellationToken);
                if (anchorsIncluded)
                {
                    await archive.CreateEntryFromFileAsync(anchorsCopy, AnchorsEntry, CompressionLevel.Optimal, cancellationToken);
                }

                await using var manifestStream = await archive.CreateEntry(ManifestEntry).OpenAsync(cancellationToken);
                await JsonSerializer.SerializeAsync(manifestStream, manifest, Json, cancellationToken);
            }

            await audit.AppendAsync(new AuditRecord(actor, AuditActions.BackupTaken, "site",
                string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: database {manifest.Database} up to audit entry {lastEntry}, sha256 {manifest.DumpSha256}")), cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Replaces the database with the backup's (one transaction through psql: all or nothing) and the anchors file with the
    /// backup's; the anchors file replaced is kept beside it, never deleted. Run with the app stopped. The restore
    /// is the first entry of the trail after it.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string file, string actor, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.");
        }

        var owner = Owner();
        var work = Directory.CreateTempSubdirectory("cc-restore-");
        try
        {
            await using (var archive = await ZipFile.OpenReadAsync(file, cancellationToken))
            {
                await archive.ExtractToDirectoryAsync(work.FullName, cancellationToken);
            }

            var manifest = await ReadManifestAsync(work.FullName, cancellationToken);
            var dump = Path.Combine(work.FullName, DumpEntry);
            if (!File.Exists(dump) || await Sha256Async(dump, cancellationToken) != manifest.DumpSha256)
            {
                throw new BackupException($"{file}: the dump does not match its manifest; nothing was restored.");
            }

            // The extensions (PostGIS, with its spatial_ref_sys) and the public schema stay as they are: the owner may not
            // drop or recreate them, and they hold no site data. The prelude empties the schema and the script refills it, in one transaction.
            var restoreList = Path.Combine(work.FullName, "restore.list");
            var listing = await PgTool.ReadAsync(options.Value.Tool("pg_restore"), ["--list", dump], cancellationToken);
            await File.WriteAllLinesAsync(restoreList,
                listing.Split('\n').Where(line => !line.Contains(" EXTENSION ", StringComparison.Ordinal) && !line.Contains("SCHEMA - public", StringComparison.Ordinal) && !line.Contains("SCHEMA public", StringComparison.Ordinal)
                    && !line.Contains("spatial_ref_sys", StringComparison.Ordinal)),
                cancellationToken);
            var script = Path.Combine(work.FullName, "restore.sql");
            await PgTool.ReadAsync(options.Value.Tool("pg_restore"), ["--no-owner", "--use-list=" + restoreList, "--file=" + script, dump], cancellationToken);
            await DropNewerSettingsAsync(script, cancellationToken);
            var prelude = Path.Combine(work.FullName, "prelude.sql");
            await File.WriteAllTextAsync(prelude, RestorePrelude.Sql, cancellationToken);
            NpgsqlConnection.ClearAllPools();
            await PgTool.RunAsync(options.Value.Tool("psql"), owner,
                ["--single-transaction", "--set=ON_ERROR_STOP=1", "--quiet", "--file=" + prelude, "--file=" + script], cancellationToken);
            NpgsqlConnection.ClearAllPools();
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await connection.ReloadTypesAsync(cancellationToken);
            }

            ReplaceAnchors(Path.Combine(work.FullName, AnchorsEntry), manifest);
            await audit.AppendAsync(new AuditRecord(actor, AuditActions.BackupRestored, "site",
                string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} taken {manifest.TakenAt:O}, up to audit entry {manifest.LastAuditEntryId}")), cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Client tools newer than the server write settings the server does not know (pg_restore 17 sets
    /// transaction_timeout; a site's server is 15): the script's header loses them, its data is untouched.
    /// </summary>
    private static async Task DropNewerSettingsAsync(string script, CancellationToken cancellationToken)
    {
        var kept = script + ".kept";
        using (var reader = new StreamReader(script))
        await using (var writer = new StreamWriter(kept))
        {
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (++number > 100 || !line.StartsWith("SET transaction_timeout", StringComparison.Ordinal))
                {
                    await writer.WriteLineAsync(line);
                }
            }
        }

        File.Move(kept, script, overwrite: true);
    }

    private void ReplaceAnchors(string restored, BackupManifest manifest)
    {
        var current = anchors.Value.File;
        if (File.Exists(current))
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            File.Move(current, $"{current}.before-restore-{stamp}");
        }

        if (manifest.AnchorsIncluded)
        {
            File.Copy(restored, current);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ManifestEntry);
        if (!File.Exists(path))
        {
            throw new BackupException("The archive has no manifest: it is not a backup of this product.");
        }

        await using var stream = File.OpenRead(path);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
        return manifest is { Format: BackupManifest.CurrentFormat }
            ? manifest
            : throw new BackupException($"The backup's format is not {BackupManifest.CurrentFormat}.");
    }

    private async Task<long> LastAuditEntryAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(id), 0) FROM {DatabaseRoles.AuditTable}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The owner's connection: the app's role may not read or replace everything a backup holds.</summary>
    private NpgsqlConnectionStringBuilder Owner() =>
        database.Value.MigrationConnectionString is { } owner
            ? new NpgsqlConnectionStringBuilder(owner)
            : throw new BackupException("Database:MigrationConnectionString is not set: backups are taken and restored as the role that owns the tables.");

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
