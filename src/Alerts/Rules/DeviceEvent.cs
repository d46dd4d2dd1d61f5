namespace CommandCenter.Alerts.Rules;

/// <summary>What a device says happened to it, besides where it is.</summary>
public enum DeviceEvent
{
    /// <summary>An ordinary report.</summary>
    None,

    /// <summary>关机: the device is being switched off.</summary>
    PowerOff,

    /// <summary>防拆/人机分离: the strap was cut or the device was taken off.</summary>
    Tamper,
}
