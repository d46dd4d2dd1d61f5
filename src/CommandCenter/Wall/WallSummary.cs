namespace CommandCenter.Wall;

/// <summary>The figures of the wall's header strip.</summary>
public record WallSummary(int PeopleUnderSupervision, int OpenAlerts, int AlertsToday);
