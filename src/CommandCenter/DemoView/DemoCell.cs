namespace CommandCenter.DemoView;

/// <summary>How many people are in one cell of the coarse grid; the centre of the cell, never a person's position.</summary>
public record DemoCell(double Latitude, double Longitude, int People);
