namespace CommandCenter.Subjects;

/// <summary>Whether a person is still under community correction.</summary>
public enum SubjectStatus
{
    /// <summary>在矫: serving the term.</summary>
    InCorrection,
    /// <summary>解矫: the term has ended.</summary>
    Released,
}
