using System.Globalization;

namespace CommandCenter.Subjects;

/// <summary>
/// The 18-character Chinese resident identity number (GB 11643): a 6-digit area code, the birth date
/// (yyyyMMdd), a 3-digit sequence and an ISO 7064 MOD 11-2 check character (a digit or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>What is wrong with a number, or <see cref="IdNumberProblem.None"/>; a lower-case x is accepted as X.</summary>
    public static IdNumberProblem Check(string? value, DateOnly today)
    {
        if (value is not { Length: 18 } || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !IsCheckCharacter(value[17]))
        {
            return IdNumberProblem.Format;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return IdNumberProblem.BirthDate;
        }

        return char.ToUpperInvariant(value[17]) == CheckDigit(value) ? IdNumberProblem.None : IdNumberProblem.CheckDigit;
    }

    /// <summary>The number as stored: upper-case X.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    private static bool IsCheckCharacter(char c) => c is >= '0' and <= '9' or 'X' or 'x';
}
