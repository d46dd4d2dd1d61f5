using CommandCenter.Kit.Forms;
using CommandCenter.Kpi.Records;

namespace CommandCenter.Kpi.Pages;

/// <summary>What a record's row and form need: the record being edited, the squads to choose from, and the errors the store found, by field.</summary>
public sealed class RecordForm<T>(T model, IReadOnlyList<SquadChoice> squads, IReadOnlyDictionary<string, string[]> errors)
    where T : class, IKpiRecord
{
    public T Model { get; } = model;

    public IReadOnlyList<SquadChoice> Squads { get; } = squads;

    /// <summary>The name of a record's squad, or of the brigade when it has none.</summary>
    public string SquadName(int? squadId, string brigade) =>
        squadId is null ? brigade : Squads.FirstOrDefault(s => s.Id == squadId)?.Name ?? squadId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool HasError(string field) => errors.ContainsKey(field);

    public string? ErrorOf(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
