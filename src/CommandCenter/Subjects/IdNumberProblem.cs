namespace CommandCenter.Subjects;

/// <summary>Why a resident identity number is not acceptable.</summary>
public enum IdNumberProblem
{
    None,
    /// <summary>Not 17 digits followed by a digit or X.</summary>
    Format,
    /// <summary>The birth date inside it is not a real day, or lies in the future.</summary>
    BirthDate,
    /// <summary>The check character does not match the other 17.</summary>
    CheckDigit,
}
