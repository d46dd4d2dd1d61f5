using System.Diagnostics.CodeAnalysis;

namespace CommandCenter.Ingest;

/// <summary>
/// An OsmAnd request as <see cref="OsmAndBody"/> read it: the parsed request, or the answer that refuses it with the
/// reason and the number of fixes refused (the refusal metric's label and count).
/// </summary>
public sealed class OsmAndReading
{
    private OsmAndReading(OsmAndRequest? request, IResult? refusal, string reason, int refusedFixes)
    {
        Request = request;
        Refusal = refusal;
        Reason = reason;
        RefusedFixes = refusedFixes;
    }

    public OsmAndRequest? Request { get; }

    public IResult? Refusal { get; }

    /// <summary>One of <see cref="Telemetry.RefusalReasons"/>; empty when the request was read.</summary>
    public string Reason { get; }

    public int RefusedFixes { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Request))]
    public bool Refused => Refusal is not null;

    public static OsmAndReading Read(OsmAndRequest request) => new(request, null, string.Empty, 0);

    public static OsmAndReading Refuse(IResult refusal, string reason, int refusedFixes) => new(null, refusal, reason, refusedFixes);
}
