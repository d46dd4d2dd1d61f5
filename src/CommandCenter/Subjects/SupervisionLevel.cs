namespace CommandCenter.Subjects;

/// <summary>How closely a subject is supervised: 严管, 普管, 宽管.</summary>
public enum SupervisionLevel
{
    /// <summary>严管.</summary>
    Strict,
    /// <summary>普管.</summary>
    Ordinary,
    /// <summary>宽管.</summary>
    Lenient,
}
