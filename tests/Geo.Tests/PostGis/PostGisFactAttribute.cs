namespace CommandCenter.Geo.Tests.PostGis;

/// <summary>A fact that needs PostGIS: skipped, with the reason, when no database is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostGisFactAttribute : FactAttribute
{
    public PostGisFactAttribute()
    {
        if (EnvironmentPostGisDatabase.Instance.ConnectionString is null)
        {
            Skip = $"{EnvironmentPostGisDatabase.Variable} is not set: no PostGIS database to use as the oracle.";
        }
    }
}
