using NetTopologySuite.Features;

namespace CommandCenter.Fences;

/// <summary>Fences as GeoJSON features, with the properties every map styles them by.</summary>
public static class GeofenceFeatures
{
    public static FeatureCollection Of(IEnumerable<Geofence> fences)
    {
        var collection = new FeatureCollection();
        foreach (var fence in fences)
        {
            collection.Add(new Feature(fence.Area, new AttributesTable
            {
                { "id", fence.Id },
                { "name", fence.Name },
                { "kind", fence.Kind.ToString() },
                { "bufferMeters", fence.BufferMeters },
                { "scope", fence.Scope.ToString() },
            }));
        }

        return collection;
    }
}
