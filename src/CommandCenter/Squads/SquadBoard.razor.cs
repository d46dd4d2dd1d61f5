using Microsoft.AspNetCore.Components;

namespace CommandCenter.Squads;

/// <summary>The five squads on the wall, each with what it is doing; read again whenever an alert is raised or changes.</summary>
public partial class SquadBoard
{
    [Inject]
    private SquadQueries Queries { get; set; } = default!;

    protected override Task<List<SquadState>> ReadAsync(int? squad, CancellationToken cancellationToken) =>
        Queries.BoardAsync(squad, cancellationToken);
}
