using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// Whether the active squads' areas cover the county without overlaps, measured on the ellipsoid by PostGIS.
/// Areas drawn by hand never meet to the millimetre, so slivers below the tolerances are not counted: an
/// overlap refuses a save only from <see cref="OverlapToleranceSquareMetres"/>, a gap is named only from
/// <see cref="GapToleranceSquareMetres"/>.
/// </summary>
public class SquadCoverage(NpgsqlDataSource dataSource)
{
    /// <summary>About a 10 m square: what two edges drawn along the same road at slightly different points leave.</summary>
    public const double OverlapToleranceSquareMetres = 100;

    /// <summary>A hectare: less of the county than any squad could be said to leave unanswered.</summary>
    public const double GapToleranceSquareMetres = 10_000;

    private const string OverlapSql = """
        SELECT id, name, ST_Area(ST_Intersection(jurisdiction, @area)::geography) AS overlap
        FROM squads
        WHERE retired_at IS NULL AND id <> @id AND ST_Intersects(jurisdiction, @area)
        ORDER BY overlap DESC
        """;

    private const string GapSql = """
        WITH county AS (SELECT name, boundary FROM admin_areas WHERE role = 'County' ORDER BY code LIMIT 1),
             covered AS (SELECT ST_Union(jurisdiction) AS area FROM squads WHERE retired_at IS NULL),
             gap AS (SELECT county.name, CASE WHEN covered.area IS NULL THEN county.boundary
                                              ELSE ST_Difference(county.boundary, covered.area) END AS area
                     FROM county, covered)
        SELECT name, ST_AsGeoJSON(area, 7), ST_Area(area::geography) FROM gap
        """;

    /// <summary>The active squads (other than the one being saved) whose areas the area overlaps by more than the tolerance, largest first.</summary>
    public async Task<List<SquadOverlap>> OverlapsAsync(NpgsqlConnection connection, int? squadId, MultiPolygon area, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(OverlapSql, connection);
        command.Parameters.AddWithValue("area", area);
        command.Parameters.AddWithValue("id", squadId ?? 0);
        var overlaps = new List<SquadOverlap>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var size = reader.GetDouble(2);
            if (size >= OverlapToleranceSquareMetres)
            {
                overlaps.Add(new SquadOverlap(reader.GetInt32(0), reader.GetString(1), size));
            }
        }

        return overlaps;
    }

    /// <summary>The county's part that no active squad covers; says so when no county is set.</summary>
    public async Task<SquadCoverageReport> ReportAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(GapSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new SquadCoverageReport(CountySet: false, CountyName: null, Gap: null, GapSquareMetres: 0);
        }

        var size = reader.IsDBNull(2) ? 0 : reader.GetDouble(2);
        return size >= GapToleranceSquareMetres
            ? new SquadCoverageReport(true, reader.GetString(0), reader.GetString(1), size)
            : new SquadCoverageReport(true, reader.GetString(0), null, 0);
    }
}
