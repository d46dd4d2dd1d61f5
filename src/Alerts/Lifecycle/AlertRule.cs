namespace CommandCenter.Alerts.Lifecycle;

/// <summary>The supervision rule an alert was raised under; the names follow the field's own terms.</summary>
public enum AlertRule
{
    /// <summary>越界: left an inclusion zone (the county, a permitted area).</summary>
    ZoneExit,
    /// <summary>进入禁区: entered an exclusion zone named in a prohibition order.</summary>
    ZoneEntry,
    /// <summary>宵禁: outside the home zone while the curfew window is open.</summary>
    Curfew,
    /// <summary>离线/失联: no fix or contact for longer than the threshold.</summary>
    Offline,
    /// <summary>低电量: the device reports a low battery.</summary>
    LowBattery,
    /// <summary>关机: the device was powered off.</summary>
    PowerOff,
    /// <summary>人机分离/防拆: strap cut or device removed.</summary>
    Tamper,
    /// <summary>签到逾期: a check-in was missed.</summary>
    MissedCheckIn,
    /// <summary>电子定位到期: an electronic-positioning order is about to end.</summary>
    OrderExpiry,
    /// <summary>外出逾期未归: an approved leave ended and no fix came back inside the county by its end (and the debounce's grace).</summary>
    LeaveOverdue,
    /// <summary>信息化核查未通过: a spot check went unanswered, was answered late, or from too far away.</summary>
    SpotCheckFailed,
    /// <summary>昼伏夜出: over the last week most movement came at night and little by day, unlike the person's own earlier weeks.</summary>
    NightActivity,
    /// <summary>同案犯聚集: two people linked as co-defendants stayed close to each other for the set time.</summary>
    CoDefendantMeeting,
    /// <summary>视频点名缺席: marked absent at a roll call before a camera.</summary>
    RollCallMissed,
    /// <summary>双向定位预警: within the early-warning radius of a protected person (the moving zone's outer ring).</summary>
    ProtectedPersonNear,
    /// <summary>双向定位越界: within the exclusion radius of a protected person, the moving exclusion zone itself.</summary>
    ProtectedPersonBreach,
}
