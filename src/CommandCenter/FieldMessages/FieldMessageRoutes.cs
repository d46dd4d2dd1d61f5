namespace CommandCenter.FieldMessages;

/// <summary>
/// Who hears of what. A dispatch goes to the squad's channels and, by SMS, to its duty phone (the leader's);
/// an escalation and the daily summary to the commander's channels; a critical alert nobody acknowledged to the
/// commander's channels and the subject's squad's.
/// </summary>
public static class FieldMessageRoutes
{
    public static IEnumerable<FieldMessageAddress> For(AlertStepToTell step, IReadOnlyList<FieldChannelOptions> channels)
    {
        var addresses = step.Trigger switch
        {
            FieldMessageTrigger.Dispatched => channels.Where(c => IsSquads(c, step.SquadCode)).SelectMany(Everyone)
                .Concat(channels.Where(c => c.Kind == FieldChannelKind.Sms && c.SquadLeaders && step.SquadDutyPhone.Length > 0)
                    .Select(c => new FieldMessageAddress(c, step.SquadDutyPhone))),
            FieldMessageTrigger.CriticalUnacknowledged => channels.Where(c => c.IsCommanders || IsSquads(c, step.SquadCode)).SelectMany(Everyone),
            _ => channels.Where(c => c.IsCommanders).SelectMany(Everyone),
        };

        // A phone listed on a channel and also the leader's duty phone gets the message once.
        return addresses.DistinctBy(a => (a.Channel.Name, a.Recipient));
    }

    public static IEnumerable<FieldMessageAddress> ForDailySummary(IReadOnlyList<FieldChannelOptions> channels) =>
        channels.Where(c => c.IsCommanders).SelectMany(Everyone);

    private static bool IsSquads(FieldChannelOptions channel, string squadCode) =>
        !channel.IsCommanders && (channel.Squad!.Trim() == FieldChannelOptions.EverySquad || string.Equals(channel.Squad.Trim(), squadCode, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<FieldMessageAddress> Everyone(FieldChannelOptions channel) =>
        channel.Kind == FieldChannelKind.Sms
            ? channel.Phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new FieldMessageAddress(channel, p.Trim()))
            : [new FieldMessageAddress(channel, null)];
}
