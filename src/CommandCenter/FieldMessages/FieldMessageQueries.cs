using CommandCenter.Data;
using CommandCenter.Security.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.FieldMessages;

/// <summary>What the desk reads of the messages: the latest, and the failures a duty officer must follow up by phone.</summary>
public class FieldMessageQueries(IDbContextFactory<CommandCenterDb> factory, TimeProvider time)
{
    /// <summary>Failures are shown for a day: long enough for the next shift to see them, not forever.</summary>
    public static readonly TimeSpan FailuresShownFor = TimeSpan.FromDays(1);

    public async Task<List<FieldMessageView>> LatestAsync(FieldMessageState? state, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var messages = db.FieldMessages.AsNoTracking();
        if (state is { } only)
        {
            messages = messages.Where(m => m.State == only);
        }

        var rows = await messages.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return [.. rows.Select(m => new FieldMessageView(m.Id, m.Channel, m.ChannelKind, m.Trigger, m.AlertId,
            m.Recipient is null ? null : PersonalDataMask.Phone(m.Recipient), m.Text, m.State, m.Attempts, m.LastResult, m.CreatedAt, m.SentAt))];
    }

    public async Task<int> RecentFailuresAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - FailuresShownFor;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.FieldMessages.CountAsync(m => m.State == FieldMessageState.Failed && m.CreatedAt >= since, cancellationToken);
    }
}
