using CommandCenter.Data;
using CommandCenter.Kit.Forms;
using CommandCenter.Security;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Squads;

/// <summary>The squads offered to the account forms, contributed to Security: a retired squad gives no account.</summary>
public class SquadDirectory(IDbContextFactory<CommandCenterDb> factory) : ISquadDirectory
{
    public async Task<IReadOnlyList<SquadChoice>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.AsNoTracking().Where(s => s.RetiredAt == null).OrderBy(s => s.Code).Select(s => new SquadChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(int squadId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.AnyAsync(s => s.Id == squadId && s.RetiredAt == null, cancellationToken);
    }
}
