using System.Globalization;
using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Subjects;

namespace CommandCenter.Fences;

/// <summary>The editable fields of the fences editor; the area is the GeoJSON the drawing tools last reported.</summary>
public class FenceForm
{
    private static readonly char[] IdSeparators = [',', '，', '、', ' ', ';', '；'];

    public string? Name { get; set; }
    public FenceKind Kind { get; set; } = FenceKind.Exclusion;
    public double BufferMeters { get; set; }
    public bool Immediate { get; set; }
    public bool Active { get; set; } = true;
    public FenceScopeKind Scope { get; set; } = FenceScopeKind.AllSubjects;

    /// <summary>Subject ids as typed, separated by commas or spaces.</summary>
    public string? SubjectIds { get; set; }

    public RiskLevel RiskLevel { get; set; } = RiskLevel.High;
    public int? SquadId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public List<WindowForm> Windows { get; set; } = [];
    public string? Area { get; set; }

    /// <summary>The version of the fence the form was filled from; a save over a newer one is refused.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public static FenceForm Of(FenceView fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        return new FenceForm
        {
            Name = fence.Name,
            Kind = fence.Kind,
            BufferMeters = fence.BufferMeters,
            Immediate = fence.Immediate,
            Active = fence.Active,
            Scope = fence.Scope,
            SubjectIds = string.Join(", ", fence.ScopeSubjectIds),
            RiskLevel = fence.ScopeRiskLevel ?? RiskLevel.High,
            SquadId = fence.ScopeSquadId,
            From = ParseDate(fence.Schedule?.From),
            To = ParseDate(fence.Schedule?.To),
            Windows = [.. (fence.Schedule?.Windows ?? []).Select(w => new WindowForm { Days = [.. w.Days ?? []], Start = w.Start, End = w.End })],
            Area = fence.Area.GetRawText(),
            UpdatedAt = fence.UpdatedAt,
        };
    }

    /// <summary>The subject ids typed, or the first piece that is no id.</summary>
    public (int[] Ids, string? NotAnId) ReadSubjectIds()
    {
        var ids = new List<int>();
        foreach (var piece in (SubjectIds ?? string.Empty).Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ([], piece);
            }

            ids.Add(id);
        }

        return ([.. ids], null);
    }

    public FenceInput ToInput() => new(
        Name,
        Kind,
        Area is null ? null : JsonDocument.Parse(Area).RootElement.Clone(),
        BufferMeters,
        Immediate,
        Scope,
        Scope == FenceScopeKind.ListedSubjects ? ReadSubjectIds().Ids : null,
        Scope == FenceScopeKind.RiskLevel ? RiskLevel : null,
        Scope == FenceScopeKind.Squad ? SquadId : null,
        From is null && To is null && Windows.Count == 0
            ? null
            : new FenceScheduleFields(
                From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. Windows.Select(w => new WeeklyWindowFields([.. w.Days], w.Start, w.End))]),
        Active,
        UpdatedAt);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
