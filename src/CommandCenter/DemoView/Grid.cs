namespace CommandCenter.DemoView;

/// <summary>Snaps a coordinate to the centre of its grid cell.</summary>
public static class Grid
{
    public static double Snap(double degrees, double cell) => Math.Round((Math.Floor(degrees / cell) + 0.5) * cell, 6);
}
