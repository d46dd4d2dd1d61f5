using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Geo.Fences;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace CommandCenter.Supervision;

/// <summary>
/// Leave permits (外出审批) as the implementing measures have them: requested (by an officer, or later by the
/// subject's phone), then approved or refused by someone with the authority for their length, or revoked.
/// The limits (<see cref="LeaveLimits"/>) and the authority (<see cref="LeaveAuthority"/>) are checked here, on
/// the server, and a refusal names its rule in the reader's language. Each step is stored with its audit row
/// in one transaction that first locks the person's permits, so two approvals at once cannot pass the
/// yearly total together; then the rules read the person again (only an approved permit excuses an exit).
/// </summary>
public class LeaveService(IDbContextFactory<CommandCenterDb> factory, SupervisionService supervision, AuditTrail audit, IRuleEngine rules,
    TimeProvider time, SiteClock clock, IOptionsMonitor<LeaveOptions> options, IStringLocalizer<UiText> text)
{
    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory(Wgs84.Factory) } };

    /// <summary>The limits as the site has them set now.</summary>
    public LeaveLimits Limits => new(options.CurrentValue, clock.Zone);

    /// <summary>An officer asks for leave for a subject in their scope.</summary>
    public async Task<SupervisionOutcome> RequestAsync(int subjectId, LeavePermitRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await supervision.IsVisibleAsync(db, subjectId, user, cancellationToken))
            {
                return NoSubject(subjectId);
            }
        }

        return await RequestAsync(subjectId, request, LeaveRequester.Officer(user), cancellationToken);
    }

    /// <summary>
    /// Stores a request for leave from <paramref name="requester"/>, who must already be entitled to ask for this
    /// subject (an officer in scope, or the subject's own authenticated device).
    /// </summary>
    public async Task<SupervisionOutcome> RequestAsync(int subjectId, LeavePermitRequest request, LeaveRequester requester, CancellationToken cancellationToken)
    {
        if (Parse(request) is not ({ } period, { } area) parsed)
        {
            return Malformed(request);
        }

        var now = time.GetUtcNow();
        var urgent = request.Urgent ?? false;
        return await StepAsync(subjectId, requester.Actor, (db, approved) =>
        {
            if (Limits.CheckRequest(period, now, urgent, request.UrgentReason, approved) is { } broken)
            {
                return Task.FromResult<object>(Refuse(broken));
            }

            var permit = new LeavePermit
            {
                SubjectId = subjectId,
                StartsAt = period.StartsAt,
                EndsAt = period.EndsAt,
                Destination = request.Destination!.Trim(),
                Area = area,
                BufferMeters = request.BufferMeters ?? 0,
                Purpose = request.Purpose,
                RequestedBy = requester.Account,
                RequestedByDeviceId = requester.DeviceId,
                RequestedAt = now,
                Urgent = urgent,
                UrgentReason = urgent ? request.UrgentReason!.Trim() : null,
            };
            db.LeavePermits.Add(permit);
            var what = $"requested leave to {permit.Destination}, {period.StartsAt:O} to {period.EndsAt:O}" + (urgent ? $", urgent: {permit.UrgentReason}" : "");
            return Task.FromResult<object>((permit, what, StatusCodes.Status201Created));
        }, cancellationToken);
    }

    /// <summary>Approves a request, when the person has the authority for its length and did not ask for it, and the year's total allows it.</summary>
    public Task<SupervisionOutcome> ApproveAsync(long permitId, LeaveStepRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        DecideAsync(permitId, request, user, approve: true, cancellationToken);

    /// <summary>Refuses a request, with a reason, when the person has the authority to decide it.</summary>
    public Task<SupervisionOutcome> RefuseAsync(long permitId, LeaveStepRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        DecideAsync(permitId, request, user, approve: false, cancellationToken);

    /// <summary>Withdraws a request or revokes an approved permit, with a reason; a refused or already revoked one stays as it is.</summary>
    public async Task<SupervisionOutcome> RevokeAsync(long permitId, LeaveStepRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > SupervisionService.MaxTextLength)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"Give the reason (at most {SupervisionService.MaxTextLength} characters).");
        }

        return await OnPermitAsync(permitId, user, (permit, _) =>
        {
            if (permit.RefusedAt is not null)
            {
                return Refuse(new LeaveRefusal("decided", StatusCodes.Status409Conflict, "Leave.Rule.AlreadyRefused"));
            }

            permit.RevokedAt ??= time.GetUtcNow();
            permit.RevokedBy ??= Actor(user);
            return (permit, $"leave permit {permitId} revoked: {request.Reason}", StatusCodes.Status200OK);
        }, cancellationToken);
    }

    /// <summary>Whether the person may approve or refuse this permit now (the page offers the buttons only then).</summary>
    public bool MayDecide(LeavePermitView permit, ClaimsPrincipal user) =>
        permit.StatusAt(time.GetUtcNow()) == LeavePermitStatus.Requested
        && LeaveAuthority.ToDecide(user, permit.RequestedBy, new LeavePeriod(permit.StartsAt, permit.EndsAt), Limits) is null;

    private async Task<SupervisionOutcome> DecideAsync(long permitId, LeaveStepRequest request, ClaimsPrincipal user, bool approve, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > SupervisionService.MaxTextLength)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"The reason takes at most {SupervisionService.MaxTextLength} characters.");
        }

        return await OnPermitAsync(permitId, user, (permit, approved) =>
        {
            var period = new LeavePeriod(permit.StartsAt, permit.EndsAt);
            var limits = Limits;
            var broken = !permit.AwaitsDecision || permit.RevokedAt is not null
                    ? new LeaveRefusal("decided", StatusCodes.Status409Conflict, "Leave.Rule.Decided")
                    : LeaveAuthority.ToDecide(user, permit.RequestedBy, period, limits)
                      ?? (approve ? limits.CheckYearlyTotal(period, approved) : null)
                      ?? (!approve && reason is null ? new LeaveRefusal("refusal-reason", StatusCodes.Status400BadRequest, "Leave.Rule.RefusalReason") : null);
            if (broken is not null)
            {
                return Refuse(broken);
            }

            var now = time.GetUtcNow();
            permit.DecisionReason = reason;
            if (approve)
            {
                (permit.ApprovedBy, permit.ApprovedAt) = (Actor(user), now);
            }
            else
            {
                (permit.RefusedBy, permit.RefusedAt) = (Actor(user), now);
            }

            return (permit, $"leave permit {permitId} {(approve ? "approved" : "refused")}" + (reason is null ? "" : $": {reason}"), StatusCodes.Status200OK);
        }, cancellationToken);
    }

    /// <summary>A step on one permit of a subject in the person's scope; a permit out of scope is as absent as one that does not exist.</summary>
    private async Task<SupervisionOutcome> OnPermitAsync(long permitId, ClaimsPrincipal user,
        Func<LeavePermit, IReadOnlyList<LeavePeriod>, object> change, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var subjectId = await db.LeavePermits.Where(p => p.Id == permitId).Select(p => (int?)p.SubjectId).FirstOrDefaultAsync(cancellationToken);
            if (subjectId is null || !await supervision.IsVisibleAsync(db, subjectId.Value, user, cancellationToken))
            {
                return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no leave permit {permitId}.");
            }

            return await StepAsync(subjectId.Value, Actor(user), async (step, _) =>
            {
                var permits = await step.LeavePermits.Where(p => p.SubjectId == subjectId).ToListAsync(cancellationToken);
                var others = permits.Where(p => p.Id != permitId).Select(LeavePeriod.Counted).OfType<LeavePeriod>().ToList();
                return change(permits.Single(p => p.Id == permitId), others);
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a step in one transaction that holds the subject's permits locked: the step answers a refusal, or
    /// the stored permit, the audit's words and the status; the audit row is written with it.
    /// </summary>
    private async Task<SupervisionOutcome> StepAsync(int subjectId, string actor, Func<CommandCenterDb, IReadOnlyList<LeavePeriod>, Task<object>> step,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var permits = await db.LeavePermits.FromSql($"SELECT * FROM leave_permits WHERE subject_id = {subjectId} FOR UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        var outcome = await step(db, permits.Select(LeavePeriod.Counted).OfType<LeavePeriod>().ToList());
        if (outcome is SupervisionOutcome refused)
        {
            return refused;
        }

        var (permit, what, status) = ((LeavePermit, string, int))outcome;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(actor, AuditActions.LeavePermit, $"subject:{subjectId}", what), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await rules.SupervisionChangedAsync(subjectId, cancellationToken);
        return SupervisionOutcome.Done(LeavePermitView.Of(permit), status);
    }

    /// <summary>The period and area of a well-formed request; nulls when anything is missing or unusable.</summary>
    private static (LeavePeriod? Period, Geometry? Area) Parse(LeavePermitRequest request)
    {
        if (request.StartsAt is not { } starts || request.EndsAt is not { } ends || ends <= starts || string.IsNullOrWhiteSpace(request.Destination)
            || request.Destination.Length > 100 || request.Purpose?.Length > SupervisionService.MaxTextLength || request.Area is not { } areaJson)
        {
            return (null, null);
        }

        // The database stores UTC: a period given with the site's offset (+08:00) is the same instant in UTC.
        return AreaOf(areaJson, request) is { } area ? (new LeavePeriod(starts.ToUniversalTime(), ends.ToUniversalTime()), area) : (null, null);
    }

    private static Geometry? AreaOf(JsonElement json, LeavePermitRequest request)
    {
        try
        {
            var area = json.Deserialize<Geometry>(GeoJson);
            if (area is null)
            {
                return null;
            }

            area.SRID = Wgs84.Srid;

            // The rules' own checks: a valid (Multi)Polygon on the globe, a buffer of 0 to 50 km.
            _ = new FenceDefinition(0, request.Destination!, FenceKind.Inclusion, area, request.BufferMeters ?? 0);
            return area;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What is wrong with a request <see cref="Parse"/> did not accept.</summary>
    private static SupervisionOutcome Malformed(LeavePermitRequest request) => SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, request switch
    {
        { StartsAt: null } or { EndsAt: null } or { Area: null } => "Give startsAt, endsAt, destination and area (a GeoJSON Polygon or MultiPolygon).",
        _ when string.IsNullOrWhiteSpace(request.Destination) => "Give startsAt, endsAt, destination and area (a GeoJSON Polygon or MultiPolygon).",
        _ when request.EndsAt <= request.StartsAt => "endsAt must be after startsAt.",
        _ when request.Destination!.Length > 100 || request.Purpose?.Length > SupervisionService.MaxTextLength =>
            $"The destination takes at most 100 characters, the purpose {SupervisionService.MaxTextLength}.",
        _ => "The area is not usable: give a valid GeoJSON Polygon or MultiPolygon, and a buffer of 0 to 50,000 metres.",
    });

    private SupervisionOutcome Refuse(LeaveRefusal refusal) =>
        SupervisionOutcome.Refused(refusal.Status, string.Format(CultureInfo.CurrentCulture, text[refusal.Key], refusal.Args), refusal.Rule);

    private static SupervisionOutcome NoSubject(int subjectId) => SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no subject {subjectId}.");

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
