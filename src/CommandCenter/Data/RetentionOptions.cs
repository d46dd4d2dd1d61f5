using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Data;

/// <summary>
/// How long data is kept. Positions go by whole days: the partition maintenance drops each day's partition
/// once the day is older than <see cref="PositionsDays"/>. The audit trail is kept at least
/// <see cref="AuditDays"/>, which cannot be set below a year; nothing in the product deletes audit entries
/// (the app's role may not), so the setting is the floor an operator's archiving must respect, and the
/// positions retention can never reach into it.
/// </summary>
public class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The least that audit entries are kept: a year.</summary>
    public const int MinAuditDays = 365;

    /// <summary>The least that positions are kept: a year, the floor the database's own drop function holds to.</summary>
    public const int MinPositionsDays = 365;

    /// <summary>
    /// Days of positions kept; three years by default. Refused below a year at start-up: the database refuses to
    /// drop a younger day, so a shorter setting would only make every hourly maintenance fail.
    /// </summary>
    [Range(MinPositionsDays, 36_500, ErrorMessage = "Retention:PositionsDays must be at least 365: positions are kept at least a year.")]
    public int PositionsDays { get; set; } = 3 * 365;

    /// <summary>Days the audit trail is kept at least; refused below a year.</summary>
    [Range(MinAuditDays, 36_500, ErrorMessage = "Retention:AuditDays must be at least 365: the audit trail is kept at least a year.")]
    public int AuditDays { get; set; } = 5 * 365;
}
