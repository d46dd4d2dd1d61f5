using System.Globalization;
using System.Security.Claims;

namespace CommandCenter.Security.Regions;

/// <summary>
/// What one screen hears: <see cref="Squad"/> is the one squad whose people and alerts it is sent (null: all
/// squads). A screen opened for a region hears that squad only, so a wall of one squad's area is never sent
/// the rest of the county's (or a province's) traffic.
/// </summary>
public record RegionScope(int? Squad, RegionRefusal Refusal, string? Requested)
{
    public bool Refused => Refusal != RegionRefusal.None;

    /// <summary>The squad a panel reads: its screen's region when there is one (checked already), else the viewer's own scope.</summary>
    public static int? Hearing(RegionScope? region, ClaimsPrincipal user) => region is { Refused: false } ? region.Squad : SquadScope.Of(user);

    /// <summary>The answer of an API asked for a region it cannot give, naming what is wrong; null when it can.</summary>
    public IResult? Problem() => Refusal switch
    {
        RegionRefusal.NotAnId => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "squad is not a squad's id.",
            detail: $"squad was '{Shown}'; it must be the number of a squad."),
        RegionRefusal.Unknown => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such squad.",
            detail: $"There is no squad {Shown} in service."),
        RegionRefusal.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your squad.",
            detail: $"Squad {Shown} is another squad's area; a squad leader sees only their own."),
        _ => null,
    };

    /// <summary>What was asked for, to name the mistake, cut short: an over-long value is not repeated whole.</summary>
    public string Shown => Requested is { Length: > 20 } ? string.Concat(Requested.AsSpan(0, 20), "…") : Requested ?? string.Empty;

    internal static int? Parse(string requested) =>
        int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
