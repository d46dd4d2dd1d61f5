namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// A spot check (信息化核查) sent to a subject's phone, as the rules weigh it: answered in time and from near
/// where the person should be, or not.
/// </summary>
/// <param name="CheckId">The check's id.</param>
/// <param name="SentAt">When the phone was told.</param>
/// <param name="Deadline">When the answer was due.</param>
/// <param name="AnsweredAt">When the server received the answer, if it has.</param>
/// <param name="DistanceMetres">How far the answer's fix was from where the person should be (home, or the destination of the leave in force); null when there was no place to compare with.</param>
/// <param name="AllowedMetres">The distance allowed when the check was sent.</param>
public sealed record SpotCheckDue(long CheckId, DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? AnsweredAt, double? DistanceMetres, double AllowedMetres);
