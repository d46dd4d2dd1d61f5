namespace CommandCenter.Ingest;

/// <summary>What is wrong with one item of a batch; <see cref="Field"/> is a path such as <c>positions[3].lat</c>.</summary>
public record ItemProblem(string Field, string Message);
