using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kpi.Panels;

/// <summary>Electronic-positioning orders in force on the "as of" day, by ground, and those ending within the warning horizon.</summary>
public class PositioningPanel(IDbContextFactory<CommandCenterDb> factory, IOptions<KpiOptions> options, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    public override string Id => "positioning";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var day = period.AsOf;
        var horizon = day.AddDays(options.Value.ExpiringWithinDays);
        await using var db = await OpenAsync(cancellationToken);
        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(day));
        var byReason = await inForce.GroupBy(o => o.Reason).Select(g => new { Reason = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var expiring = await inForce.Where(o => o.EndedEarlyOn == null && o.EndDate <= horizon)
            .OrderBy(o => o.EndDate).ThenBy(o => o.Id)
            .Select(o => new { o.EndDate, o.Reason, Subject = db.Subjects.Where(s => s.Id == o.SubjectId).Select(s => s.Code).First() })
            .ToListAsync(cancellationToken);

        var reasons = Enum.GetValues<PositioningReason>();
        var figures = new List<KpiFigure>
        {
            new(Label("OrdersInForce"), Count(byReason.Sum(r => r.Count)), Headline: true),
            new(string.Format(CultureInfo.CurrentCulture, Label("ExpiringWithin"), options.Value.ExpiringWithinDays), Count(expiring.Count),
                Alarm: expiring.Count > 0, Headline: true),
        };
        var chart = new ChartOptions(
            ChartKind.Donut,
            reasons.Select(Name).ToList(),
            [new ChartSeries(Label("OrdersInForce"), reasons.Select(r => (double)byReason.Where(b => b.Reason == r).Sum(b => b.Count)).ToList())]);
        var rows = expiring.Select(e => (IReadOnlyList<object?>)[
            e.Subject, Name(e.Reason), e.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.EndDate.DayNumber - day.DayNumber]);
        return Panel(figures, Table([Label("Subject"), Label("Reason"), Label("EndDate"), Label("DaysLeft")], rows), chart);
    }
}
