namespace CommandCenter.Geo.Datums;

/// <summary>The coordinate systems met in Chinese positioning and web maps.</summary>
public enum Datum
{
    /// <summary>WGS-84: what GPS devices report and what the product stores.</summary>
    Wgs84 = 0,

    /// <summary>GCJ-02 (国测局坐标, "Mars coordinates"): the obfuscated datum of Chinese consumer maps (AMap, Tencent).</summary>
    Gcj02 = 1,

    /// <summary>BD-09: Baidu Maps' further offset of GCJ-02.</summary>
    Bd09 = 2,
}
