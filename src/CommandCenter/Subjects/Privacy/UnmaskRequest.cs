using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Subjects.Privacy;

/// <summary>Why the person needs the clear data; recorded in the audit trail.</summary>
public record UnmaskRequest([property: Required, StringLength(200, MinimumLength = 4)] string Purpose);
