namespace CommandCenter.Site.County;

/// <summary>The county a site serves, as the API and the pages show it.</summary>
/// <param name="Code">Its administrative code, e.g. 371326; also the version a change names as expectedCode.</param>
/// <param name="Name">平邑县.</param>
/// <param name="Neighbours">How many neighbouring areas the base map draws around it.</param>
public sealed record CountyView(string Code, string Name, int Neighbours);
