using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Privacy;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Subjects.Privacy;

/// <summary>
/// A subject's card for the screens and the API alike: masked, or unmasked for a stated purpose with an
/// entry in the audit trail. A squad leader sees only the subjects of their own squad; for anybody else
/// the subject does not exist.
/// </summary>
public class SubjectCards(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit)
{
    public const int MinPurposeLength = 4;

    public static bool IsPurposeStated(string? purpose) => purpose is not null && purpose.Trim().Length >= MinPurposeLength;

    public async Task<SubjectCard?> MaskedAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = await FindVisibleAsync(id, user, cancellationToken);
        return subject is null ? null : ToCard(subject, masked: true);
    }

    /// <summary>The card in clear; the caller has checked that the purpose is stated.</summary>
    public async Task<SubjectCard?> UnmaskAsync(int id, string purpose, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var subject = await FindVisibleAsync(id, user, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Unmask, $"subject:{subject.Code}", purpose.Trim(), remoteAddress), cancellationToken);
        return ToCard(subject, masked: false);
    }

    private async Task<Subject?> FindVisibleAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var squad = SquadScope.Of(user);
        return squad is null || squad == subject.SquadId ? subject : null;
    }

    private static SubjectCard ToCard(Subject subject, bool masked) => new(
        subject.Id,
        subject.Code,
        masked ? PersonalDataMask.Name(subject.Name) : subject.Name,
        masked ? PersonalDataMask.IdNumber(subject.IdNumber) : subject.IdNumber,
        masked ? PersonalDataMask.Phone(subject.Phone) : subject.Phone,
        subject.CorrectionType.ToString(),
        subject.SupervisionLevel.ToString(),
        subject.RiskLevel.ToString(),
        subject.SquadId,
        masked,
        masked ? PersonalDataMask.Address(subject.HomeAddress) : subject.HomeAddress);
}
