using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Geo;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Kit;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// What makes a squad's details acceptable. Each problem is named by its field; the area's by where it is in
/// the geometry (polygon, ring, vertex), read by the same GeoJSON reader as the fences, which repairs only what
/// is unambiguous (an open ring, a repeated point) and refuses a ring that crosses itself.
/// </summary>
public static partial class SquadChecks
{
    public const int MaxCodeLength = 16;
    public const int MaxNameLength = 64;
    public const int MaxPhoneLength = 32;

    /// <summary>A county's squad area drawn by hand has tens to hundreds of vertices; far more is a mistake or an attack on the overlap check.</summary>
    public const int MaxVertices = 5000;

    // China's extent with a margin (Mohe to Zengmu Ansha, Pamir to the Wusuli): a squad outside it is a
    // swapped latitude and longitude, or GCJ-02 mistaken for something else, never a real area.
    private static readonly Envelope China = new(73.0, 135.5, 3.0, 54.0);

    /// <summary>The squad made from the input (id 0, not stored), or the problems by field.</summary>
    public static (Squad? Squad, Dictionary<string, string[]> Errors) Check(SquadInput input, bool versionRequired, IStringLocalizer<UiText> text)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", text["Refusal.Squad.Code", MaxCodeLength]);
        }

        var name = Text(input.Name, "name", errors, text);
        var leader = Text(input.LeaderName, "leaderName", errors, text);
        var phone = input.DutyPhone?.Trim() ?? string.Empty;
        if (!PhonePattern().IsMatch(phone))
        {
            errors.Add("dutyPhone", text["Refusal.Squad.DutyPhone", MaxPhoneLength]);
        }

        var basePoint = ReadBase(input.Base, errors, text);
        var area = ReadArea(input.Area, errors, text);
        if (versionRequired && input.Version is null)
        {
            errors.Add("version", text["Refusal.Squad.Version"]);
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary());
        }

        return (new Squad
        {
            Code = code,
            Name = name!,
            LeaderName = leader!,
            DutyPhone = phone,
            Base = basePoint!,
            Jurisdiction = area!,
        }, []);
    }

    private static string? Text(string? value, string field, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            errors.Add(field, text["Refusal.Squad.Text", MaxNameLength]);
            return null;
        }

        return trimmed;
    }

    private static Point? ReadBase(JsonElement? given, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (given is { ValueKind: JsonValueKind.Object } point
            && point.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Point"
            && point.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            && coordinates.GetArrayLength() is 2 or 3
            && coordinates[0].TryGetDouble(out var longitude) && coordinates[1].TryGetDouble(out var latitude)
            && Wgs84.IsValidPosition(longitude, latitude))
        {
            if (China.Contains(longitude, latitude))
            {
                return Wgs84.CreatePoint(longitude, latitude);
            }

            errors.Add("base", text["Refusal.Squad.OutsideChina", Invariant(longitude), Invariant(latitude)]);
            return null;
        }

        errors.Add("base", text["Refusal.Squad.Base"]);
        return null;
    }

    private static MultiPolygon? ReadArea(JsonElement? given, FieldErrors errors, IStringLocalizer<UiText> text)
    {
        if (given is not { ValueKind: JsonValueKind.Object } area)
        {
            errors.Add("area", text["Refusal.Squad.Area"]);
            return null;
        }

        var read = FenceGeoJsonReader.Read(area.GetRawText());
        foreach (var issue in read.Errors)
        {
            var where = (issue with { Feature = null }).Location;
            errors.Add("area", where == "document" ? text.Message(issue) : $"{where["document, ".Length..]}: {text.Message(issue)}");
        }

        if (!read.Succeeded || read.Fences is not [var fence])
        {
            if (read.Succeeded)
            {
                errors.Add("area", text["Refusal.Squad.Area"]);
            }

            return null;
        }

        var geometry = fence.Geometry;
        if (geometry.NumPoints > MaxVertices)
        {
            errors.Add("area", text["Refusal.Squad.Vertices", geometry.NumPoints, MaxVertices]);
            return null;
        }

        if (!China.Covers(geometry.EnvelopeInternal))
        {
            var outside = geometry.Coordinates.First(c => !China.Contains(c));
            errors.Add("area", text["Refusal.Squad.OutsideChina", Invariant(outside.X), Invariant(outside.Y)]);
            return null;
        }

        return geometry switch
        {
            MultiPolygon multi => multi,
            Polygon polygon => Wgs84.Factory.CreateMultiPolygon([polygon]),
            _ => null,
        };
    }

    private static string Invariant(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9+() -]{3,32}$")]
    private static partial Regex PhonePattern();
}
