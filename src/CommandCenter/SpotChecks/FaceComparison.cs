namespace CommandCenter.SpotChecks;

/// <summary>The face service's answer: <c>{"same": true, "score": 0.93}</c>; the score (0 to 1) is optional.</summary>
public record FaceComparison(bool? Same, double? Score);
