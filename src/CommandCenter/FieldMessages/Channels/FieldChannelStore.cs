using CommandCenter.Data;
using CommandCenter.Live.Log;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// Adds, changes and removes the channels a commander sets up, and sends a test message. A change is checked whole
/// before anything is written, then stored with its audit entry (which names the fields changed, never their values)
/// and a live-log notice in one transaction; every node's <see cref="FieldChannelDirectory"/> reads the table again.
/// </summary>
public sealed class FieldChannelStore(
    IDbContextFactory<CommandCenterDb> factory,
    FieldChannelSecrets secrets,
    FieldChannelDirectory directory,
    FieldMessageCourier courier,
    FieldMessageTexts texts,
    IOptionsMonitor<FieldMessageOptions> options,
    AuditTrail audit,
    LiveLog liveLog,
    TimeProvider time)
{
    public async Task<List<FieldChannelView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.FieldChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(FieldChannelView.Of)];
    }

    public async Task<List<FieldChannelSquad>> SquadsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.AsNoTracking().OrderBy(s => s.Code).Select(s => new FieldChannelSquad(s.Code, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The names of the channels set in the configuration file: they work beside the table and are changed there.</summary>
    public IReadOnlyList<string> ConfiguredNames => [.. options.CurrentValue.Channels.Select(c => c.Name)];

    public Task<FieldChannelOutcome> AddAsync(FieldChannelInput input, string actor, string? remoteAddress, CancellationToken cancellationToken) =>
        SaveAsync(null, input, actor, remoteAddress, cancellationToken);

    public Task<FieldChannelOutcome> ChangeAsync(int id, FieldChannelInput input, string actor, string? remoteAddress, CancellationToken cancellationToken) =>
        SaveAsync(id, input, actor, remoteAddress, cancellationToken);

    public async Task<FieldChannelOutcome> DeleteAsync(int id, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.FieldChannels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } row)
        {
            return FieldChannelOutcome.NotFound;
        }

        db.FieldChannels.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await NoteAsync(db, actor, row, $"removed {row.Kind} '{row.Name}'", remoteAddress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        return FieldChannelOutcome.Done(null);
    }

    /// <summary>Sends the harmless test text to the channel at once (a disabled one too), outside the outbox, and audits that it did.</summary>
    public async Task<(FieldChannelOutcome Outcome, FieldChannelTestResult? Result)> TestAsync(int id, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.FieldChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } row)
        {
            return (FieldChannelOutcome.NotFound, null);
        }

        if (directory.Usable(row) is not { } channel)
        {
            return (Refused("url", "The channel's address cannot be decrypted with this site's keys; enter it again."), null);
        }

        var phone = channel.Phones.FirstOrDefault();
        if (channel.Kind == FieldChannelKind.Sms && phone is null)
        {
            return (Refused("phones", "Add a phone to the SMS channel to send the test message to."), null);
        }

        var (accepted, result) = await courier.SendNowAsync(channel, phone, texts.ForTest(), cancellationToken);
        await audit.AppendAsync(new AuditRecord(actor, AuditActions.SettingsChanged, Target(row), $"test message {(accepted ? "accepted" : "refused")}", remoteAddress), cancellationToken);
        return (FieldChannelOutcome.Done(FieldChannelView.Of(row)), new FieldChannelTestResult(accepted, result, time.GetUtcNow()));
    }

    private async Task<FieldChannelOutcome> SaveAsync(int? id, FieldChannelInput input, string actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        FieldChannel? row = null;
        if (id is { } existing && (row = await db.FieldChannels.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken)) is null)
        {
            return FieldChannelOutcome.NotFound;
        }

        var before = row is null ? null : directory.Usable(row);
        if (row is not null && before is null && (input.Url is null || (input.Secret is null && row.ProtectedSecret is not null)))
        {
            return Refused(input.Url is null ? "url" : "secret", "The stored values cannot be decrypted with this site's keys; enter the address and the secret again.");
        }

        var kindGiven = Enum.TryParse<FieldChannelKind>(input.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(input.Kind, out _);
        var candidate = new FieldChannelOptions
        {
            Name = input.Name?.Trim() ?? string.Empty,
            Kind = kind,
            Url = input.Url?.Trim() ?? before?.Url ?? string.Empty,
            Secret = input.Secret is null ? before?.Secret : input.Secret.Length == 0 ? null : input.Secret.Trim(),
            Squad = string.IsNullOrWhiteSpace(input.Squad) ? null : input.Squad.Trim(),
            Phones = [.. (input.Phones ?? []).Select(p => p?.Trim() ?? string.Empty)],
            SquadLeaders = input.SquadLeaders,
            Body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Trim(),
            ContentType = string.IsNullOrWhiteSpace(input.ContentType) ? "application/json" : input.ContentType.Trim(),
        };
        var taken = (await db.FieldChannels.Where(c => c.Id != (id ?? 0)).Select(c => c.Name).ToListAsync(cancellationToken)).Concat(ConfiguredNames);
        var squads = await db.Squads.Select(s => s.Code).ToListAsync(cancellationToken);
        var errors = FieldChannelChecks.Check(candidate, kindGiven, squads.ToHashSet(StringComparer.OrdinalIgnoreCase), taken.ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (errors.Count > 0)
        {
            return FieldChannelOutcome.Refused(errors.ToDictionary());
        }

        var changed = Changed(row, before, candidate, input.Enabled);
        row ??= db.FieldChannels.Add(new FieldChannel { Name = candidate.Name, ShownUrl = string.Empty, ProtectedUrl = string.Empty, UpdatedBy = actor }).Entity;
        Apply(row, candidate, input.Enabled, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Refused("name", "Another channel has this name.");
        }

        var detail = id is null ? $"added {row.Kind} '{row.Name}'" : $"changed '{row.Name}': {(changed.Count == 0 ? "nothing" : string.Join(", ", changed))}";
        await NoteAsync(db, actor, row, detail, remoteAddress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        return FieldChannelOutcome.Done(FieldChannelView.Of(row));
    }

    private void Apply(FieldChannel row, FieldChannelOptions channel, bool enabled, string actor)
    {
        row.Name = channel.Name;
        row.Kind = channel.Kind;
        row.Enabled = enabled;
        row.Squad = channel.Squad;
        row.Phones = channel.Phones;
        row.SquadLeaders = channel.SquadLeaders;
        row.Body = channel.Body;
        row.ContentType = channel.ContentType;
        row.ShownUrl = FieldChannelSecrets.Mask(channel.Url);
        row.ProtectedUrl = secrets.Protect(channel.Url);
        row.ProtectedSecret = channel.Secret is { } secret ? secrets.Protect(secret) : null;
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor;
    }

    /// <summary>The names of the fields a change touches, for the audit trail: which, never their values.</summary>
    private static List<string> Changed(FieldChannel? row, FieldChannelOptions? before, FieldChannelOptions after, bool enabled)
    {
        if (row is null || before is null)
        {
            return [];
        }

        var fields = new (string Name, bool Differs)[]
        {
            ("name", row.Name != after.Name),
            ("kind", row.Kind != after.Kind),
            ("enabled", row.Enabled != enabled),
            ("squad", row.Squad != after.Squad),
            ("url", before.Url != after.Url),
            ("secret", before.Secret != after.Secret),
            ("phones", !row.Phones.SequenceEqual(after.Phones)),
            ("squadLeaders", row.SquadLeaders != after.SquadLeaders),
            ("body", row.Body != after.Body),
            ("contentType", row.ContentType != after.ContentType),
        };
        return [.. fields.Where(f => f.Differs).Select(f => f.Name)];
    }

    private async Task NoteAsync(CommandCenterDb db, string actor, FieldChannel row, string detail, string? remoteAddress, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await audit.AppendAsync(connection, new AuditRecord(actor, AuditActions.SettingsChanged, Target(row), detail, remoteAddress), cancellationToken);
        await liveLog.AppendAsync(connection, LiveLogRecord.FieldChannelsChanged, cancellationToken);
    }

    private static string Target(FieldChannel row) => $"field-channel:{row.Id}";

    private static FieldChannelOutcome Refused(string field, string message) =>
        FieldChannelOutcome.Refused(new Dictionary<string, string[]> { [field] = [message] });
}
