using System.Globalization;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Localization;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Subjects.Positioning;

/// <summary>
/// The steps of an electronic-positioning order: request, extend, approve, reject, end early. Each step
/// locks the subject's row, so that two officers cannot slip overlapping orders past each other, checks
/// the legal limits (<see cref="PositioningRules"/>) and commits together with its audit entry.
/// </summary>
public class PositioningStore(
    IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IAuthorizationService authorization,
    TimeProvider time, SiteClock clock, IStringLocalizer<UiText> text, IEnumerable<ISubjectFactsChanged> listeners)
{
    public Task<OrderResult> RequestAsync(int subjectId, OrderRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(subjectId, null, user, Policies.RequestPositioning, step =>
        {
            var breaches = PositioningRules.CheckRequest(step.Subject, request.Reason, request.StartDate, request.EndDate, request.Note, step.Today, step.Orders);
            return breaches.Count > 0 ? (breaches, null) : (breaches, Add(step, request.Reason!.Value, request.StartDate!.Value, request.EndDate!.Value, null, request.Note));
        }, order => $"requested order {order.Id} on the ground {order.Reason}, {Day(order.StartDate)} to {Day(order.EndDate)}", cancellationToken);

    public Task<OrderResult> ExtendAsync(int subjectId, int orderId, ExtensionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(subjectId, orderId, user, Policies.RequestPositioning, step =>
        {
            var extended = step.Order!;
            var breaches = PositioningRules.CheckExtension(step.Subject, extended, request.EndDate, request.Reassessment, step.Today, step.Orders);
            return breaches.Count > 0 ? (breaches, null) : (breaches, Add(step, extended.Reason, PositioningRules.ExtensionStart(extended), request.EndDate!.Value, extended.Id, request.Reassessment));
        }, order => $"requested order {order.Id} extending order {order.ExtendsOrderId}, {Day(order.StartDate)} to {Day(order.EndDate)}; reassessment: {order.RequestNote}", cancellationToken);

    public Task<OrderResult> ApproveAsync(int subjectId, int orderId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(subjectId, orderId, user, Policies.ApprovePositioning, step =>
        {
            var order = step.Order!;
            var (start, breaches) = PositioningRules.CheckApproval(order, step.Actor, step.Today, step.Orders);
            if (breaches.Count == 0)
            {
                order.StartDate = start;
                order.Status = PositioningOrderStatus.Approved;
                Decide(order, step, null);
            }

            return (breaches, order);
        }, order => $"approved order {order.Id}: in force {Day(order.StartDate)} to {Day(order.EndDate)}", cancellationToken);

    public Task<OrderResult> RejectAsync(int subjectId, int orderId, RejectionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(subjectId, orderId, user, Policies.ApprovePositioning, step =>
        {
            var order = step.Order!;
            var breaches = PositioningRules.CheckRejection(order, request.Note);
            if (breaches.Count == 0)
            {
                order.Status = PositioningOrderStatus.Rejected;
                Decide(order, step, Trimmed(request.Note));
            }

            return (breaches, order);
        }, order => $"rejected order {order.Id}: {order.DecisionNote}", cancellationToken);

    public Task<OrderResult> EndAsync(int subjectId, int orderId, EndRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(subjectId, orderId, user, Policies.EndPositioning, step =>
        {
            var order = step.Order!;
            var (lastDay, breaches) = PositioningRules.CheckEnd(order, request.Reason, step.Today);
            if (breaches.Count == 0)
            {
                order.EndedEarlyOn = lastDay;
                order.EndedEarlyBy = step.Actor;
                order.EndedEarlyReason = Trimmed(request.Reason);
            }

            return (breaches, order);
        }, order => $"ended order {order.Id} early, last day in force {Day(order.EndedEarlyOn!.Value)}: {order.EndedEarlyReason}", cancellationToken);

    /// <summary>The orders of a subject the person may see, newest first; null if the subject is not theirs to see.</summary>
    public async Task<List<OrderView>?> ListAsync(int subjectId, ClaimsPrincipal user, int warningDays, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squad = SquadScope.Of(user);
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId && (squad == null || s.SquadId == squad), cancellationToken))
        {
            return null;
        }

        var orders = await db.PositioningOrders.AsNoTracking().Where(o => o.SubjectId == subjectId).ToListAsync(cancellationToken);
        return OrderView.Of(orders, clock.Today(time.GetUtcNow()), warningDays);
    }

    private async Task<OrderResult> StepAsync(
        int subjectId, int? orderId, ClaimsPrincipal user, string policy,
        Func<Step, (List<RuleBreach> Breaches, PositioningOrder? Order)> apply, Func<PositioningOrder, string> describe,
        CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            return OrderResult.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM subjects WHERE id = {subjectId} FOR UPDATE", cancellationToken);
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        var squad = SquadScope.Of(user);
        if (subject is null || (squad is not null && squad != subject.SquadId))
        {
            return OrderResult.NotFound;
        }

        var orders = await db.PositioningOrders.Where(o => o.SubjectId == subjectId).ToListAsync(cancellationToken);
        var target = orderId is { } id ? orders.FirstOrDefault(o => o.Id == id) : null;
        if (orderId is not null && target is null)
        {
            return OrderResult.NotFound;
        }

        var now = time.GetUtcNow();
        var (breaches, order) = apply(new Step(db, subject, orders, target, clock.Today(now), now, user.Identity!.Name!));
        if (breaches.Count > 0 || order is null)
        {
            return new OrderResult(OrderOutcome.Invalid, orderId, Localize(breaches));
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(user.Identity!.Name!, AuditActions.PositioningOrder, $"subject:{subject.Code}", describe(order)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.ChangedAsync(CancellationToken.None);
        }

        return new OrderResult(OrderOutcome.Done, order.Id, OrderResult.NoErrors);
    }

    private Dictionary<string, string[]> Localize(List<RuleBreach> breaches) =>
        breaches.GroupBy(b => b.Field).ToDictionary(g => g.Key, g => g.Select(b => text[b.Key, b.Arguments].Value).ToArray());

    /// <summary>A new request (or extension), awaiting the bureau head's decision.</summary>
    private static PositioningOrder Add(Step step, PositioningReason reason, DateOnly start, DateOnly end, int? extends, string? note)
    {
        var order = new PositioningOrder
        {
            SubjectId = step.Subject.Id,
            Reason = reason,
            StartDate = start,
            EndDate = end,
            ExtendsOrderId = extends,
            RequestedBy = step.Actor,
            RequestedAt = step.Now,
            RequestNote = Trimmed(note),
        };
        step.Db.PositioningOrders.Add(order);
        return order;
    }

    private static void Decide(PositioningOrder order, Step step, string? note)
    {
        order.DecidedBy = step.Actor;
        order.DecidedAt = step.Now;
        order.DecisionNote = note;
    }

    private static string? Trimmed(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Step(CommandCenterDb Db, Subject Subject, List<PositioningOrder> Orders, PositioningOrder? Order, DateOnly Today, DateTimeOffset Now, string Actor);
}
