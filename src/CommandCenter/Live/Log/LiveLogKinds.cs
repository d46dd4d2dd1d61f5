namespace CommandCenter.Live.Log;

/// <summary>What an entry of the live log reports; the hub event of the same name carries it to the screens.</summary>
public static class LiveLogKinds
{
    public const string AlertRaised = "alertRaised";

    public const string AlertChanged = "alertChanged";

    public const string FencesChanged = "fencesChanged";

    /// <summary>The site's county changed: the walls load themselves again.</summary>
    public const string MapChanged = "mapChanged";

    /// <summary>The stored settings changed: every node reads them again.</summary>
    public const string SettingsChanged = "settingsChanged";

    /// <summary>The field-message channels changed: every node's courier reads them again.</summary>
    public const string FieldChannelsChanged = "fieldChannelsChanged";

    public static bool IsAlert(string kind) => kind is AlertRaised or AlertChanged;
}
