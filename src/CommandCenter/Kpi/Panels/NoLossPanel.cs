using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Localization;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// Days without 脱管/漏管: from the latest recorded one to the period's "as of" day, or from the brigade's
/// founding while none has been recorded.
/// </summary>
public class NoLossPanel(IDbContextFactory<CommandCenterDb> factory, IOptionsMonitor<SiteOptions> site, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    public override string Id => "no-loss";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var day = period.AsOf;
        await using var db = await OpenAsync(cancellationToken);
        var events = await db.SupervisionLossEvents.Where(e => e.Date <= day)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new { e.Date, e.Kind, e.Note, Subject = db.Subjects.Where(s => s.Id == e.SubjectId).Select(s => s.Code).First() })
            .Take(50)
            .ToListAsync(cancellationToken);
        var inMonth = events.Where(e => e.Date >= period.Month).ToList();
        var since = events.Count > 0 ? events[0].Date : site.CurrentValue.BrigadeFoundedOn;
        var days = Math.Max(0, day.DayNumber - since.DayNumber);

        var figures = new List<KpiFigure>
        {
            new(Label("DaysWithoutLoss"), $"{Count(days)} {Label("Days")}", Alarm: inMonth.Count > 0, Headline: true),
            new(Label("CountedFrom"), since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(Label("LossesThisMonth"), Count(inMonth.Count), Alarm: inMonth.Count > 0),
        };
        var rows = events.Select(e => (IReadOnlyList<object?>)[e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Name(e.Kind), e.Subject, e.Note]);
        return Panel(figures, Table([Label("Date"), Label("Kind"), Label("Subject"), Label("Note")], rows));
    }
}
