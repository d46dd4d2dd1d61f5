using CommandCenter.Kit.Forms;

namespace CommandCenter.Security;

/// <summary>
/// The squads a squad leader can be given. Security depends on no feature, so the Squads feature contributes
/// the answer rather than Security reading the squads' table itself.
/// </summary>
public interface ISquadDirectory
{
    Task<IReadOnlyList<SquadChoice>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(int squadId, CancellationToken cancellationToken = default);
}
