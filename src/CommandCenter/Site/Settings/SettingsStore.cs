using CommandCenter.Data;
using CommandCenter.Hosting.Tuning;
using CommandCenter.Live.Log;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Site.Settings;

/// <summary>
/// Reads and changes the site's tunable settings. A change is checked by binding every tunable section from the
/// configuration it would make and running the checks the app runs at start-up; it is stored with its audit
/// entry in one transaction, under the version it was made from, and is in force on this node as it commits.
/// </summary>
public sealed class SettingsStore(
    IDbContextFactory<CommandCenterDb> factory,
    IEnumerable<TunableSection> sections,
    SettingsComposition composition,
    StoredSettingsProvider provider,
    AuditTrail audit,
    LiveLog liveLog,
    TimeProvider time,
    IServiceProvider services)
{
    /// <summary>The audit detail of a first save that kept every default.</summary>
    public const string DefaultsKept = "defaults reviewed and kept";

    private readonly IReadOnlyList<TunableSection> sections = [.. sections];

    public async Task<SettingsView> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SiteSettings.AsNoTracking().Where(s => s.Id == StoredSettings.Row).FirstOrDefaultAsync(cancellationToken);
        return View(row);
    }

    public async Task<SettingsSaveResult> SaveAsync(SettingsChange change, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var errors = Shape(change);
        if (errors.Count > 0)
        {
            return SettingsSaveResult.Refused(StatusCodes.Status400BadRequest, errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.SiteSettings.Where(s => s.Id == StoredSettings.Row).FirstOrDefaultAsync(cancellationToken);
        if ((row?.Version ?? 0) != change.Version)
        {
            return Stale(change.Version!.Value, row?.Version ?? 0);
        }

        var before = row?.Values ?? [];
        var after = new Dictionary<string, string>(before, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in change.Values!)
        {
            var canonical = Field(key)!.Key;
            if (value is null)
            {
                after.Remove(canonical);
            }
            else
            {
                after[canonical] = value.Trim();
            }
        }

        using var candidate = composition.With(after);
        var problems = sections.SelectMany(section => section.Check(candidate, services)).ToList();
        if (problems.Count > 0)
        {
            return SettingsSaveResult.Refused(StatusCodes.Status400BadRequest, problems
                .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray()));
        }

        var changes = Differences(before, after);
        if (changes.Count == 0 && row is not null)
        {
            return SettingsSaveResult.Saved(View(row));
        }

        if (row is null)
        {
            row = new StoredSettings { UpdatedBy = actor };
            db.SiteSettings.Add(row);
        }

        row.Values = after;
        row.Version++;
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another commander saved between our read and our write.
            return Stale(change.Version!.Value, change.Version.Value + 1);
        }

        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(
            actor, AuditActions.SettingsChanged, $"settings:v{row.Version}", changes.Count == 0 ? DefaultsKept : string.Join("; ", changes), remoteAddress), cancellationToken);

        // The other nodes read the settings again when they tail this entry, within a second.
        await liveLog.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), LiveLogRecord.SettingsChanged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.Apply(row.Values, row.Version);
        return SettingsSaveResult.Saved(View(row));
    }

    private Dictionary<string, string[]> Shape(SettingsChange change)
    {
        var errors = new Dictionary<string, string[]>();
        if (change.Version is not >= 0)
        {
            errors["version"] = ["Give the version the change was made from (0 before the first save)."];
        }

        // The first save may change nothing: a new site's commander who finds the defaults right records that they
        // were reviewed (the set-up checklist waits for it). Later, an empty change would record nothing.
        if (change.Values is null || (change.Values.Count == 0 && change.Version != 0))
        {
            errors["values"] = ["Name at least one setting to change (only the first save, from version 0, may keep every default)."];
            return errors;
        }

        foreach (var (key, value) in change.Values)
        {
            if (Field(key) is not { } field)
            {
                errors[key] = [$"{key} is not a setting that can be changed here."];
            }
            else if (value is not null && !field.Accepts(value.Trim()))
            {
                errors[field.Key] = [Expected(field, value)];
            }
        }

        return errors;
    }

    private static string Expected(TunableField field, string value) => field.Kind switch
    {
        TunableKind.Whole => $"'{value}' is not a whole number.",
        TunableKind.Duration => $"'{value}' is not a duration (hh:mm:ss or d.hh:mm:ss).",
        TunableKind.TimeOfDay => $"'{value}' is not a time of day (HH:mm).",
        TunableKind.Switch => $"'{value}' is neither true nor false.",
        TunableKind.Date => $"'{value}' is not a day (yyyy-MM-dd).",
        TunableKind.Text => $"Give a text of 1 to {TunableField.MaxTextLength} characters on one line.",
        _ => $"'{value}' is not one of {string.Join(", ", field.Choices)}.",
    };

    private static SettingsSaveResult Stale(int given, int current) => SettingsSaveResult.Refused(StatusCodes.Status409Conflict, new Dictionary<string, string[]>
    {
        ["version"] = [$"The settings were changed since version {given} (now {current}); read them again."],
    });

    private TunableField? Field(string key) =>
        sections.SelectMany(s => s.Fields).FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Each setting whose value in force changes, from what to what; a reset names the default it returns to.</summary>
    private List<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        using var old = composition.With(before);
        using var next = composition.With(after);
        var oldValues = Values(old);
        var newValues = Values(next);
        return sections.SelectMany(s => s.Fields)
            .Where(f => !string.Equals(oldValues[f.Key], newValues[f.Key], StringComparison.Ordinal) || before.ContainsKey(f.Key) != after.ContainsKey(f.Key))
            .Select(f => $"{f.Key}: {oldValues[f.Key] ?? "-"} -> {newValues[f.Key] ?? "-"}{(after.ContainsKey(f.Key) ? string.Empty : " (default)")}")
            .ToList();
    }

    private Dictionary<string, string?> Values(IConfiguration configuration) =>
        sections.SelectMany(s => s.Values(configuration)).ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);

    private SettingsView View(StoredSettings? row)
    {
        var stored = row?.Values ?? [];
        using var defaults = composition.With(null);
        using var inForce = composition.With(stored);
        var defaultValues = Values(defaults);
        var values = Values(inForce);
        var storedByKey = new Dictionary<string, string>(stored, StringComparer.OrdinalIgnoreCase);
        return new SettingsView(row?.Version ?? 0, row?.UpdatedAt, row?.UpdatedBy, sections
            .SelectMany(s => s.Fields)
            .Select(f => new SettingView(f.Key, f.Group, f.Kind.ToString(), f.LabelKey, f.LabelArguments, f.Choices,
                defaultValues[f.Key], storedByKey.GetValueOrDefault(f.Key), values[f.Key]))
            .ToList());
    }
}
