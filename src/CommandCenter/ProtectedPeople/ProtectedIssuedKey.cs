namespace CommandCenter.ProtectedPeople;

/// <summary>A protected person's phone key as it is handed out, once, with the server URL their Traccar Client is set up with.</summary>
public record ProtectedIssuedKey(ProtectedPersonRow Person, string Key, string ServerUrl);
