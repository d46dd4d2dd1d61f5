namespace CommandCenter.Site.County;

/// <summary>What choosing a county came to: the county, or the HTTP status and the field it is about.</summary>
public sealed record CountySaveResult(int Status, CountyView? County, string? Field = null, string? Message = null)
{
    public bool Succeeded => County is not null;

    public static CountySaveResult Saved(CountyView county) => new(StatusCodes.Status200OK, county);

    public static CountySaveResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, null, field, message);

    public static CountySaveResult NotFound(string field, string message) => new(StatusCodes.Status404NotFound, null, field, message);

    public static CountySaveResult Conflict(string field, string message) => new(StatusCodes.Status409Conflict, null, field, message);
}
