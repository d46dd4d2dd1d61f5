namespace CommandCenter.Security.Privacy;

/// <summary>
/// Masks personal data for display: 张*三, 3713**********1234, 170****1234. Masked is the default
/// everywhere; the clear value is only returned through the audited unmask endpoint.
/// </summary>
public static class PersonalDataMask
{
    public static string Name(string name)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        return letters.Length switch
        {
            0 => name,
            1 => "*",
            2 => name[..letters[1]] + "*",
            _ => name[..letters[1]] + new string('*', letters.Length - 2) + name[letters[^1]..],
        };
    }

    public static string IdNumber(string idNumber) => KeepEnds(idNumber, 4, 4);

    public static string Phone(string phone) => KeepEnds(phone, 3, 4);

    /// <summary>Keeps the township (the first three characters), which squads are organised by; hides the village and house.</summary>
    public static string Address(string address)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(address);
        return letters.Length <= 3 ? new string('*', letters.Length) : address[..letters[3]] + "****";
    }

    private static string KeepEnds(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
