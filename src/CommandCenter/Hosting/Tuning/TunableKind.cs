namespace CommandCenter.Hosting.Tuning;

/// <summary>What a tunable setting holds, so that a page can offer the right control and a value can be checked before it is bound.</summary>
public enum TunableKind
{
    /// <summary>A whole number.</summary>
    Whole,

    /// <summary>A duration, written d.hh:mm:ss or hh:mm:ss.</summary>
    Duration,

    /// <summary>A time of day, written HH:mm.</summary>
    TimeOfDay,

    /// <summary>On or off: true or false.</summary>
    Switch,

    /// <summary>One of a fixed list of names.</summary>
    Choice,

    /// <summary>A calendar day, written yyyy-MM-dd.</summary>
    Date,

    /// <summary>A short line of text shown to users, such as the brigade's name: not blank, at most <see cref="TunableField.MaxTextLength"/> characters.</summary>
    Text,
}
