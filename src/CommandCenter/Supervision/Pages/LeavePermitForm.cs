using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Map;
using CommandCenter.Hosting;
using NetTopologySuite.Geometries;

namespace CommandCenter.Supervision.Pages;

/// <summary>
/// What the officer types to request leave. A permit is asked for whole days of the site's calendar, as the
/// paper form states them, and its destination is a disc around a place picked on the map. Leave asked with
/// less notice than the rules want is marked urgent, with the reason.
/// </summary>
public class LeavePermitForm
{
    public DateOnly? FirstDay { get; set; }

    public DateOnly? LastDay { get; set; }

    public string? Destination { get; set; }

    public string? Purpose { get; set; }

    public bool Urgent { get; set; }

    public string? UrgentReason { get; set; }

    /// <summary>The destination's radius: a town is a couple of kilometres across.</summary>
    public double? RadiusKm { get; set; } = 2;

    /// <summary>The tolerance around the destination, against GPS drift at its edge.</summary>
    public double? BufferMeters { get; set; } = 500;

    /// <summary>The fields that are missing or out of range, each with the text key that says why (empty when none).</summary>
    public Dictionary<string, string> Problems((double Latitude, double Longitude)? place)
    {
        var problems = new Dictionary<string, string>();
        if (FirstDay is null)
        {
            problems["firstDay"] = "Validation.Required";
        }

        if (LastDay is null)
        {
            problems["lastDay"] = "Validation.Required";
        }
        else if (FirstDay is not null && LastDay < FirstDay)
        {
            problems["lastDay"] = "Leave.Problem.LastBeforeFirst";
        }

        if (string.IsNullOrWhiteSpace(Destination))
        {
            problems["destination"] = "Validation.Required";
        }

        if (Urgent && string.IsNullOrWhiteSpace(UrgentReason))
        {
            problems["urgentReason"] = "Validation.Required";
        }

        if (place is null)
        {
            problems["area"] = "Leave.Problem.NoPlace";
        }

        if (RadiusKm is not (> 0 and <= MetricCircle.MaxRadiusMetres / 1000))
        {
            problems["radius"] = "Leave.Problem.Radius";
        }

        if (BufferMeters is not (>= 0 and <= FenceDefinition.MaxBufferMetres))
        {
            problems["buffer"] = "Leave.Problem.Buffer";
        }

        return problems;
    }

    /// <summary>The request for a form without <see cref="Problems"/>: from the start of the first day to the end of the last, site time.</summary>
    public LeavePermitRequest ToRequest((double Latitude, double Longitude) place, SiteClock clock)
    {
        Geometry area = MetricCircle.Around(place.Longitude, place.Latitude, RadiusKm!.Value * 1000);
        return new LeavePermitRequest
        {
            StartsAt = clock.StartOfDay(FirstDay!.Value),
            EndsAt = clock.StartOfDay(LastDay!.Value.AddDays(1)),
            Destination = Destination?.Trim(),
            Purpose = string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim(),
            BufferMeters = BufferMeters,
            Urgent = Urgent,
            UrgentReason = Urgent ? UrgentReason?.Trim() : null,
            Area = JsonSerializer.SerializeToElement(area, BaseMap.GeoJson),
        };
    }
}
