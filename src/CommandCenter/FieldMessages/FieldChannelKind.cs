namespace CommandCenter.FieldMessages;

/// <summary>The ways a county's field officers are reached: their work groups' robots and SMS.</summary>
public enum FieldChannelKind
{
    /// <summary>A 企业微信 group robot: POST {"msgtype":"text","text":{"content":...}} to its webhook.</summary>
    WeComRobot,

    /// <summary>A 钉钉 group robot: the same text message; signed with timestamp and sign when it has a secret.</summary>
    DingTalkRobot,

    /// <summary>An SMS gateway over HTTP: a URL template and a body template the site configures.</summary>
    Sms,
}
