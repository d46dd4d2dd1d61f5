using System.Globalization;
using System.Text.Json;
using CommandCenter.Geo;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Geo.Projections;
using CommandCenter.Kit;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// What makes a who-was-there search acceptable: one area (drawn, or a point and a radius) no larger than the
/// set bound, a window of at most the set days that has begun, and a case number. Each problem is named by its
/// field in the reader's language; a search that breaks any bound is not run at all.
/// </summary>
public static class WhoWasThereChecks
{
    public const int MinCaseNumberLength = 4;
    public const int MaxCaseNumberLength = 64;

    /// <summary>The circle is searched through a polygon around it, so the polygon is drawn this much wider than the radius.</summary>
    private const double CircleMargin = 1.002;

    public static (WhoWasThereSearch? Search, FieldErrors Errors) Check(
        WhoWasThereRequest request, WhoWasThereOptions options, DateTimeOffset now, IStringLocalizer<UiText> text)
    {
        var errors = new FieldErrors();
        var caseNumber = CheckCaseNumber(request.CaseNumber, errors, text);
        var drawn = request.Area is { ValueKind: not JsonValueKind.Null };
        var place = drawn
            ? CheckArea(request.Area!.Value, request, errors, text)
            : CheckCircle(request, options, errors, text);
        if (place is { } found && found.Area.Area > 0
            && LocalTransverseMercator.CenteredOn(found.Area).Project(found.Area).Area / 1e6 is var km2 && km2 > options.MaxAreaSquareKilometres)
        {
            errors.Add(drawn ? "area" : "radiusMetres",
                text["WhoWasThere.Refusal.AreaTooLarge", Invariant(km2), Invariant(options.MaxAreaSquareKilometres)]);
        }

        CheckWindow(request, options, now, errors, text);
        return errors.Count > 0 || place is null
            ? (null, errors)
            : (new WhoWasThereSearch(place.Value.Area, place.Value.Centre, place.Value.Radius, request.From!.Value.ToUniversalTime(),
                request.To!.Value.ToUniversalTime(), caseNumber!), errors);
    }

    private static string? CheckCaseNumber(string? given, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        var caseNumber = given?.Trim();
        if (string.IsNullOrEmpty(caseNumber))
        {
            errors.Add("caseNumber", text["WhoWasThere.Refusal.CaseNumberRequired"]);
            return null;
        }

        // The case number goes into the audit trail and onto screens: printable text only, and no markup.
        if (caseNumber.Length is < MinCaseNumberLength or > MaxCaseNumberLength
            || caseNumber.Any(c => char.IsControl(c) || c is '<' or '>' || char.IsSurrogate(c)))
        {
            errors.Add("caseNumber", text["WhoWasThere.Refusal.CaseNumber", MinCaseNumberLength, MaxCaseNumberLength]);
            return null;
        }

        return caseNumber;
    }

    private static (Geometry Area, Point Centre, double? Radius)? CheckArea(
        JsonElement area, WhoWasThereRequest request, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (request.Latitude is not null || request.Longitude is not null || request.RadiusMetres is not null)
        {
            errors.Add("area", text["WhoWasThere.Refusal.AreaOrCircle"]);
            return null;
        }

        if (area.ValueKind != JsonValueKind.Object)
        {
            errors.Add("area", text["WhoWasThere.Refusal.Area"]);
            return null;
        }

        var read = FenceGeoJsonReader.Read(area.GetRawText());
        foreach (var issue in read.Errors)
        {
            errors.Add("area", text.Described(issue));
        }

        if (!read.Succeeded || read.Fences is not [var drawn])
        {
            if (read.Succeeded)
            {
                errors.Add("area", text["WhoWasThere.Refusal.Area"]);
            }

            return null;
        }

        var geometry = drawn.Geometry.Copy();
        geometry.SRID = Wgs84.Srid;
        return (geometry, Wgs84.Factory.CreatePoint(geometry.Centroid.Coordinate), null);
    }

    private static (Geometry Area, Point Centre, double? Radius)? CheckCircle(
        WhoWasThereRequest request, WhoWasThereOptions options, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (request.Latitude is not { } latitude || request.Longitude is not { } longitude || !Wgs84.IsValidPosition(longitude, latitude))
        {
            errors.Add("latitude", text["WhoWasThere.Refusal.Point"]);
            return null;
        }

        var largest = Math.Sqrt(options.MaxAreaSquareKilometres * 1e6 / Math.PI);
        if (request.RadiusMetres is not { } radius || !double.IsFinite(radius) || radius < options.MinRadiusMetres || radius > largest)
        {
            errors.Add("radiusMetres", text["WhoWasThere.Refusal.Radius", Invariant(options.MinRadiusMetres), Invariant(Math.Floor(largest))]);
            return null;
        }

        // A polygon just outside the circle lets the positions' spatial index find the candidates; the query then
        // keeps only the fixes within the radius on the spheroid.
        var centre = Wgs84.CreatePoint(longitude, latitude);
        var projection = new LocalTransverseMercator(longitude, latitude);
        var around = projection.Unproject(projection.Project(centre).Buffer(radius * CircleMargin + 1, 16));
        around.SRID = Wgs84.Srid;
        return (around, centre, radius);
    }

    private static void CheckWindow(WhoWasThereRequest request, WhoWasThereOptions options, DateTimeOffset now, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (request.From is not { } from || request.To is not { } to)
        {
            errors.Add("from", text["WhoWasThere.Refusal.Window"]);
            return;
        }

        if (to <= from)
        {
            errors.Add("to", text["WhoWasThere.Refusal.WindowOrder"]);
        }
        else if (to - from > TimeSpan.FromDays(options.MaxWindowDays))
        {
            errors.Add("to", text["WhoWasThere.Refusal.WindowTooLong", options.MaxWindowDays]);
        }

        if (from > now)
        {
            errors.Add("from", text["WhoWasThere.Refusal.WindowInFuture"]);
        }
    }

    private static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
