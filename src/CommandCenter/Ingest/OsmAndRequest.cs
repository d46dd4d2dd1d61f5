namespace CommandCenter.Ingest;

/// <summary>What an OsmAnd request said: its fixes (one, or several in a JSON array), or what is wrong with it.</summary>
public record OsmAndRequest(IReadOnlyList<PositionItem> Items, IReadOnlyList<ItemProblem> Problems);
