using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Security;

/// <summary>The security settings the graded-protection (等保 level 3) profile asks for; the defaults are its minimums.</summary>
public class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign a desk session out after this long without input (the wall is exempt).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the wall's sign-in lasts before it must sign in again.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan WallSession { get; set; } = TimeSpan.FromDays(90);

    [Range(3, 10)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-in attempts (page loads and posts) allowed per client address and minute.</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerMinute { get; set; } = 30;

    /// <summary>Ingest requests allowed per client address and second (each may carry up to the batch limit).</summary>
    [Range(1, 1_000_000)]
    public int IngestRequestsPerSecond { get; set; } = 500;

    /// <summary>
    /// Requests a subject's phone may make a minute (its tasks, answers, schedule). An app polls every half minute or
    /// so; the bound stops a runaway or hostile client without a subject's ordinary use ever meeting it.
    /// </summary>
    [Range(1, 10_000)]
    public int PhoneRequestsPerMinute { get; set; } = 30;

    /// <summary>The largest request body outside the ingest API.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long audit entries are kept at the least; nothing in the app deletes them.</summary>
    [Range(365, 36_500)]
    public int AuditRetentionDays { get; set; } = 365;

    /// <summary>
    /// A PKCS#12 (.pfx) file with an RSA certificate and its private key, kept outside the database, that encrypts the
    /// Data Protection keys the database stores (<see cref="KeyEncryption"/>). Unset, they are stored in the clear.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>, if it has one.</summary>
    public string? KeyCertificatePassword { get; set; }
}
