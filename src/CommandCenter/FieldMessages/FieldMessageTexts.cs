using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using CommandCenter.Security.Privacy;
using CommandCenter.Security.Proxy;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.FieldMessages;

/// <summary>
/// Writes the messages in the field's language from the resources. What a message may carry is decided here and
/// only here: the case number, the masked name, the squad, the kind and a link to the desk; never a full name,
/// an ID number or a place.
/// </summary>
public class FieldMessageTexts(IStringLocalizer<UiText> text, IOptionsMonitor<FieldMessageOptions> options, IOptions<ProxyOptions> proxy, SiteClock clock)
{
    public string ForAlertStep(AlertStepToTell step)
    {
        var link = proxy.Value.PublicUrl($"/desk?alert={step.AlertId}");
        return InFieldCulture(() =>
        {
            var raisedAt = clock.ToLocal(step.RaisedAt).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
            var body = text[$"FieldMessages.Text.{step.Trigger}", step.SquadName, step.CaseNumber, PersonalDataMask.Name(step.SubjectName),
                text[$"Rule.{step.Rule}"].Value, text[$"Severity.{step.Severity}"].Value, raisedAt].Value;
            return link is null ? body : body + "\n" + text["FieldMessages.Text.Link", link].Value;
        });
    }

    public string ForDay(DailyFigures figures)
    {
        var link = proxy.Value.PublicUrl("/desk");
        return InFieldCulture(() =>
        {
            var body = text["FieldMessages.Text.DailySummary", figures.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), figures.Raised, figures.Critical,
                figures.Escalated, figures.Dispatched, figures.Open, figures.Unacknowledged].Value;
            return link is null ? body : body + "\n" + text["FieldMessages.Text.Link", link].Value;
        });
    }

    /// <summary>The harmless text a commander sends to try a channel; it says that nothing needs doing.</summary>
    public string ForTest() => InFieldCulture(() => text["FieldMessages.Text.Test"].Value);

    /// <summary>The localizer reads the current UI culture; the background services that write messages set the field's for the call.</summary>
    private string InFieldCulture(Func<string> write)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(options.CurrentValue.Culture);
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
