namespace CommandCenter.Geo.Tests.PostGis;

/// <summary>The database named by the CC_TEST_DB environment variable (an Npgsql connection string).</summary>
internal sealed class EnvironmentPostGisDatabase : IPostGisDatabase
{
    public const string Variable = "CC_TEST_DB";

    public static EnvironmentPostGisDatabase Instance { get; } = new();

    public string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
