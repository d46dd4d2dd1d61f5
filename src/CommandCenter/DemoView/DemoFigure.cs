namespace CommandCenter.DemoView;

/// <summary>One achievement for the visitors, computed from the records: a label key and its number.</summary>
public record DemoFigure(string Label, long Value, string? Unit = null);
