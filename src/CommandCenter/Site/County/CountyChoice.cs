namespace CommandCenter.Site.County;

/// <summary>The body that chooses a shipped county.</summary>
/// <param name="Code">The administrative code, e.g. 371326.</param>
/// <param name="ExpectedCode">The county the change was made from ("" for none yet); when given and stale, 409 and nothing is changed.</param>
public sealed record CountyChoice(string? Code, string? ExpectedCode);
