namespace CommandCenter.Geo.Tests.PostGis;

/// <summary>
/// A PostgreSQL database with PostGIS for the oracle tests. A stand-in for the shared test fixture:
/// only a connection string is needed here.
/// </summary>
internal interface IPostGisDatabase
{
    /// <summary>The connection string, or null when no database is available (the tests are skipped).</summary>
    string? ConnectionString { get; }
}
