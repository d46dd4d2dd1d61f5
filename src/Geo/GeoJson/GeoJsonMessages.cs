using NetTopologySuite.Operation.Valid;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// The keys of what the GeoJSON import says (<see cref="GeoJsonIssue.Key"/>), each documented with its English text;
/// {0}, {1} stand for <see cref="GeoJsonIssue.Args"/>. Geo writes no sentence: the host renders a key with its
/// arguments from its resources, in the reader's language.
/// </summary>
public static class GeoJsonMessages
{
    /// <summary>"the file is not valid JSON (line {0}, byte {1})"</summary>
    public const string NotJson = "GeoJson.NotJson";

    /// <summary>"two features have the id {0}"</summary>
    public const string DuplicateId = "GeoJson.DuplicateId";

    /// <summary>"every member of features must be a Feature object"</summary>
    public const string NotAFeature = "GeoJson.NotAFeature";

    /// <summary>"the FeatureCollection has no features array"</summary>
    public const string NoFeatures = "GeoJson.NoFeatures";

    /// <summary>"expected a FeatureCollection, a Feature or a Polygon/MultiPolygon, not {0}"</summary>
    public const string WrongRoot = "GeoJson.WrongRoot";

    /// <summary>"expected a FeatureCollection, a Feature or a Polygon/MultiPolygon, not an object without a type"</summary>
    public const string UntypedRoot = "GeoJson.UntypedRoot";

    /// <summary>"the feature has no geometry; a fence needs a Polygon or a MultiPolygon"</summary>
    public const string NoGeometry = "GeoJson.NoGeometry";

    /// <summary>"the {0} has no coordinates array"</summary>
    public const string NoCoordinates = "GeoJson.NoCoordinates";

    /// <summary>"the MultiPolygon has no polygon"</summary>
    public const string EmptyMultiPolygon = "GeoJson.EmptyMultiPolygon";

    /// <summary>"a fence must be a Polygon or a MultiPolygon, not {0}"</summary>
    public const string NotAPolygon = "GeoJson.NotAPolygon";

    /// <summary>"a fence must be a Polygon or a MultiPolygon, not an untyped geometry"</summary>
    public const string UntypedGeometry = "GeoJson.UntypedGeometry";

    /// <summary>"a polygon must be a non-empty array of rings"</summary>
    public const string EmptyPolygon = "GeoJson.EmptyPolygon";

    /// <summary>"the polygons of the MultiPolygon overlap (first near polygon {0}); merged them into one area"</summary>
    public const string PolygonsMerged = "GeoJson.PolygonsMerged";

    /// <summary>"more than {0} errors; the rest are not listed"</summary>
    public const string TooManyErrors = "GeoJson.TooManyErrors";

    /// <summary>"'{0}' is not a fence kind ({1})"</summary>
    public const string UnknownKind = "GeoJson.UnknownKind";

    /// <summary>"the buffer must be between 0 and {0} metres"</summary>
    public const string Buffer = "GeoJson.Buffer";

    /// <summary>"must be true or false"</summary>
    public const string MustBeBoolean = "GeoJson.MustBeBoolean";

    /// <summary>"the feature does not make a fence"</summary>
    public const string FenceRefused = "GeoJson.FenceRefused";

    /// <summary>"a fence id must be a non-negative integer"</summary>
    public const string BadId = "GeoJson.BadId";

    /// <summary>"a scope is an object whose kind is one of {0}"</summary>
    public const string BadScope = "GeoJson.BadScope";

    /// <summary>"a non-empty array of subject ids is needed"</summary>
    public const string NoSubjectIds = "GeoJson.NoSubjectIds";

    /// <summary>"a schedule is an object with windows and dates"</summary>
    public const string BadSchedule = "GeoJson.BadSchedule";

    /// <summary>"days must be a non-empty array of {0}"</summary>
    public const string BadDays = "GeoJson.BadDays";

    /// <summary>"the range ends before it starts"</summary>
    public const string RangeBackwards = "GeoJson.RangeBackwards";

    /// <summary>"must be an array"</summary>
    public const string MustBeArray = "GeoJson.MustBeArray";

    /// <summary>"must be an object"</summary>
    public const string MustBeObject = "GeoJson.MustBeObject";

    /// <summary>"must be a time HH:mm"</summary>
    public const string MustBeTime = "GeoJson.MustBeTime";

    /// <summary>"must be a date yyyy-MM-dd"</summary>
    public const string MustBeDate = "GeoJson.MustBeDate";

    /// <summary>"must be a string"</summary>
    public const string MustBeString = "GeoJson.MustBeString";

    /// <summary>"must be a number"</summary>
    public const string MustBeNumber = "GeoJson.MustBeNumber";

    /// <summary>"must be an integer"</summary>
    public const string MustBeInteger = "GeoJson.MustBeInteger";

    /// <summary>"a ring must be an array of positions"</summary>
    public const string RingNotArray = "GeoJson.RingNotArray";

    /// <summary>"the ring was not closed; closed it"</summary>
    public const string RingClosed = "GeoJson.RingClosed";

    /// <summary>"a ring needs at least 3 distinct positions"</summary>
    public const string TooFewPositions = "GeoJson.TooFewPositions";

    /// <summary>"the outer ring was clockwise; reversed it"</summary>
    public const string ShellReversed = "GeoJson.ShellReversed";

    /// <summary>"the hole was counter-clockwise; reversed it"</summary>
    public const string HoleReversed = "GeoJson.HoleReversed";

    /// <summary>"({0}, {1}) is out of range: longitude must be in [-180, 180] and latitude in [-90, 90]"</summary>
    public const string OutOfRange = "GeoJson.OutOfRange";

    /// <summary>"a position must be an array [longitude, latitude]"</summary>
    public const string PositionNotArray = "GeoJson.PositionNotArray";

    /// <summary>"a position's longitude and latitude must be numbers"</summary>
    public const string PositionNotNumbers = "GeoJson.PositionNotNumbers";

    /// <summary>"the position repeats the one before it; removed it"</summary>
    public const string RepeatedPosition = "GeoJson.RepeatedPosition";

    /// <summary>"the ring goes out to this position and straight back (a spike of no width); removed it"</summary>
    public const string Spike = "GeoJson.Spike";

    /// <summary>The start of the keys of a geometry NetTopologySuite finds invalid, one per <see cref="TopologyValidationErrors"/>; args: longitude, latitude.</summary>
    public const string InvalidPrefix = "GeoJson.Invalid.";

    /// <summary>Every key the import may write.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NotJson, DuplicateId, NotAFeature, NoFeatures, WrongRoot, UntypedRoot, NoGeometry, NoCoordinates, EmptyMultiPolygon, NotAPolygon, UntypedGeometry, EmptyPolygon, PolygonsMerged, TooManyErrors, UnknownKind, Buffer, MustBeBoolean, FenceRefused, BadId, BadScope, NoSubjectIds, BadSchedule, BadDays, RangeBackwards, MustBeArray, MustBeObject, MustBeTime, MustBeDate, MustBeString, MustBeNumber, MustBeInteger, RingNotArray, RingClosed, TooFewPositions, ShellReversed, HoleReversed, OutOfRange, PositionNotArray, PositionNotNumbers, RepeatedPosition, Spike,
        .. Enum.GetValues<TopologyValidationErrors>().Select(Invalid),
    ];

    /// <summary>The key of a geometry NetTopologySuite finds invalid for <paramref name="error"/>.</summary>
    public static string Invalid(TopologyValidationErrors error) => "GeoJson.Invalid." + error;
}
