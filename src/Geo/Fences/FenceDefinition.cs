using CommandCenter.Geo.Schedules;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// A geofence: a named Polygon or MultiPolygon (holes allowed, no vertex cap) in WGS-84, what it asks
/// of the subjects (<see cref="Kind"/>), whom it applies to (<see cref="Scope"/>), when
/// (<see cref="Schedule"/>), and a buffer in metres. Immutable; the buffered geometry is computed once
/// when the definition is created.
/// </summary>
public sealed class FenceDefinition
{
    /// <summary>The largest buffer accepted, in metres: beyond it a "fence" is a region and should be drawn as one.</summary>
    public const double MaxBufferMetres = 50_000;

    private PreparedFence? _prepared;

    /// <summary>Creates a fence definition, checking the geometry and computing the buffered area.</summary>
    /// <param name="id">The fence's id (0 for a fence not yet stored).</param>
    /// <param name="name">The name shown to officers.</param>
    /// <param name="kind">Inclusion, exclusion or home.</param>
    /// <param name="geometry">A valid, non-empty Polygon or MultiPolygon with SRID 4326.</param>
    /// <param name="bufferMetres">Metres by which the drawn area grows (0 to 50 km); holes shrink by as much.</param>
    /// <param name="scope">Whom the fence applies to; all subjects when omitted.</param>
    /// <param name="schedule">When the fence is active; always when omitted.</param>
    /// <param name="immediate">Whether a breach raises an alert on the first fix instead of after confirmation.</param>
    /// <exception cref="ArgumentException">The geometry or a value is not acceptable; the message says why.</exception>
    public FenceDefinition(
        int id,
        string name,
        FenceKind kind,
        Geometry geometry,
        double bufferMetres = 0,
        FenceScope? scope = null,
        FenceSchedule? schedule = null,
        bool immediate = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(geometry);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"{kind} is not a fence kind.", nameof(kind));
        }

        if (!double.IsFinite(bufferMetres) || bufferMetres is < 0 or > MaxBufferMetres)
        {
            throw new ArgumentException($"The buffer must be between 0 and {MaxBufferMetres} metres, not {bufferMetres}.", nameof(bufferMetres));
        }

        EnsureAcceptable(geometry);

        Id = id;
        Name = name;
        Kind = kind;
        Geometry = Wgs84.Factory.CreateGeometry(geometry);
        BufferMetres = bufferMetres;
        Scope = scope ?? FenceScope.AllSubjects;
        Schedule = schedule ?? FenceSchedule.Always;
        Immediate = immediate;
        EffectiveGeometry = bufferMetres == 0 ? Geometry : MetricBuffer.Apply(Geometry, bufferMetres);
    }

    private FenceDefinition(FenceDefinition source, int id)
    {
        Id = id;
        Name = source.Name;
        Kind = source.Kind;
        Geometry = source.Geometry;
        BufferMetres = source.BufferMetres;
        Scope = source.Scope;
        Schedule = source.Schedule;
        Immediate = source.Immediate;
        EffectiveGeometry = source.EffectiveGeometry;
        _prepared = source._prepared;
    }

    /// <summary>The fence's id (0 for a fence not yet stored).</summary>
    public int Id { get; }

    /// <summary>The name shown to officers.</summary>
    public string Name { get; }

    /// <summary>Inclusion, exclusion or home.</summary>
    public FenceKind Kind { get; }

    /// <summary>The drawn area as entered (SRID 4326). Do not mutate it: definitions are shared by index snapshots.</summary>
    public Geometry Geometry { get; }

    /// <summary>The buffer in metres.</summary>
    public double BufferMetres { get; }

    /// <summary>Whom the fence applies to.</summary>
    public FenceScope Scope { get; }

    /// <summary>When the fence is active.</summary>
    public FenceSchedule Schedule { get; }

    /// <summary>Whether a breach raises an alert at once rather than after the alert engine's confirmation.</summary>
    public bool Immediate { get; }

    /// <summary>
    /// The area the verdicts use: <see cref="Geometry"/> grown by <see cref="BufferMetres"/> (the same
    /// object when the buffer is 0). Do not mutate it.
    /// </summary>
    public Geometry EffectiveGeometry { get; }

    /// <summary>Whether the subject must be inside this fence while it is active (inclusion and home).</summary>
    public bool RequiresInside => Kind.RequiresInside();

    internal PreparedFence Prepared
    {
        get
        {
            // Two threads may both prepare on first use; one result wins and both are correct.
            var prepared = Volatile.Read(ref _prepared);
            if (prepared is null)
            {
                prepared = new PreparedFence(EffectiveGeometry);
                prepared = Interlocked.CompareExchange(ref _prepared, prepared, null) ?? prepared;
            }

            return prepared;
        }
    }

    /// <summary>
    /// Whether the effective area covers a WGS-84 position (a point on the boundary counts as inside),
    /// regardless of scope and schedule.
    /// </summary>
    public bool Covers(double longitude, double latitude)
    {
        Wgs84.EnsureValidPosition(longitude, latitude);
        return Prepared.Covers(longitude, latitude);
    }

    /// <summary>Whether the effective area covers a geometry (e.g. a whole track), regardless of scope and schedule.</summary>
    public bool Covers(Geometry geometry) => Prepared.Prepared.Covers(geometry);

    /// <summary>The same fence under another id (e.g. once the database has assigned one); the buffered area is reused.</summary>
    public FenceDefinition WithId(int id) => new(this, id);

    /// <inheritdoc />
    public override string ToString() => $"fence {Id} '{Name}' ({Kind}, {Scope}, {Schedule})";

    private static void EnsureAcceptable(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException($"A fence must be a Polygon or a MultiPolygon, not a {geometry.GeometryType}.", nameof(geometry));
        }

        if (geometry.IsEmpty)
        {
            throw new ArgumentException("A fence cannot be empty.", nameof(geometry));
        }

        if (geometry.SRID != Wgs84.Srid)
        {
            throw new ArgumentException($"A fence must be in WGS-84 (SRID {Wgs84.Srid}), not SRID {geometry.SRID}.", nameof(geometry));
        }

        var envelope = geometry.EnvelopeInternal;
        if (!Wgs84.IsValidPosition(envelope.MinX, envelope.MinY) || !Wgs84.IsValidPosition(envelope.MaxX, envelope.MaxY))
        {
            throw new ArgumentException($"A fence has a coordinate outside longitude [-180, 180] / latitude [-90, 90]: {envelope}.", nameof(geometry));
        }

        var error = new IsValidOp(geometry).ValidationError;
        if (error is not null)
        {
            throw new ArgumentException($"A fence geometry is not valid: {error.Message} at ({error.Coordinate.X}, {error.Coordinate.Y}).", nameof(geometry));
        }
    }
}
