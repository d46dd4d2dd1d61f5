using System.Globalization;
using System.Text.Json;

namespace CommandCenter.Squads.Admin;

/// <summary>The set-up page's form for one squad, turned into the same input the API reads.</summary>
public sealed class SquadForm
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string LeaderName { get; set; } = string.Empty;
    public string DutyPhone { get; set; } = string.Empty;
    public double? BaseLatitude { get; set; }
    public double? BaseLongitude { get; set; }

    /// <summary>The drawn area as GeoJSON, or null while nothing is drawn.</summary>
    public string? Area { get; set; }

    public int? Version { get; set; }

    public static SquadForm Of(SquadDetail squad) => new()
    {
        Code = squad.Code,
        Name = squad.Name,
        LeaderName = squad.LeaderName,
        DutyPhone = squad.DutyPhone,
        BaseLatitude = squad.BaseLatitude,
        BaseLongitude = squad.BaseLongitude,
        Area = squad.Area,
        Version = squad.Version,
    };

    public SquadInput ToInput() => new(Code, Name, LeaderName, DutyPhone, Base(), Area is null ? null : JsonDocument.Parse(Area).RootElement.Clone(), Version);

    /// <summary>The base as "lat, lon" for the form, or null before it is placed.</summary>
    public string? BaseText => BaseLatitude is { } lat && BaseLongitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.00000}, {lon:0.00000}")
        : null;

    private JsonElement? Base() => BaseLatitude is { } lat && BaseLongitude is { } lon
        ? JsonSerializer.SerializeToElement(new { type = "Point", coordinates = new[] { lon, lat } })
        : null;
}
