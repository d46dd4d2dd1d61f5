using CommandCenter.Security;

namespace CommandCenter.Map;

/// <summary>
/// The base map every map paints first. The layers drawn over it are served by the features whose data they are:
/// the fences by Fences, the latest positions by Ingest.
/// </summary>
public static class MapEndpoints
{
    public static IEndpointRouteBuilder MapMapData(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/v1/map").WithTags("Map").RequireAuthorization(Policies.ReadLiveData);
        map.MapGet("/regions", BaseMap.RegionsAsync)
            .WithSummary("The county and its neighbours as a GeoJSON FeatureCollection (WGS-84), for the offline base map.");
        return app;
    }
}
