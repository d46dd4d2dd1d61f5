namespace CommandCenter.Map;

/// <summary>Why an administrative area is on the base map.</summary>
public enum AdminAreaRole
{
    /// <summary>The county this command center serves.</summary>
    County,
    /// <summary>A district or county around it, drawn for orientation.</summary>
    Neighbour,
}
