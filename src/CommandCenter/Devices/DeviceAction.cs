namespace CommandCenter.Devices;

/// <summary>What the devices page is about to do to a device; names the dialog's title key too.</summary>
public enum DeviceAction
{
    Rotate,
    Assign,
    Replace,
    Retire,
}
