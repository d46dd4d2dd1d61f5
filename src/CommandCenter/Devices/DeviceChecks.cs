using System.Text.RegularExpressions;
using CommandCenter.Localization;
using CommandCenter.Subjects;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Devices;

/// <summary>What makes a serial and a kind acceptable, for the form and the API alike.</summary>
public static partial class DeviceChecks
{
    /// <summary>The devices table's column width, and what the ingest accepts.</summary>
    public const int MaxSerialLength = 64;

    /// <summary>
    /// IMEIs, app installation ids (UUIDs) and Traccar Client's numeric ids use these characters only; anything
    /// else (markup, spaces, quotes) is a typing or pasting mistake, or an attempt to smuggle something onto a screen.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SerialPattern();

    public static string? SerialProblem(string? serial, IStringLocalizer<UiText> text)
    {
        if (string.IsNullOrWhiteSpace(serial))
        {
            return text["Validation.Required"].Value;
        }

        if (serial.Length > MaxSerialLength)
        {
            return text["Validation.TooLong", MaxSerialLength].Value;
        }

        return SerialPattern().IsMatch(serial) ? null : text["Devices.SerialCharacters"].Value;
    }

    /// <summary>The kind named by its API name (Bracelet, Phone, TraccarClient), or null with the problem.</summary>
    public static (DeviceKind? Kind, string? Problem) Kind(string? kind, IStringLocalizer<UiText> text)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return (null, text["Validation.Required"]);
        }

        return Enum.TryParse<DeviceKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
            ? (parsed, null)
            : (null, text["Devices.KindUnknown", string.Join(", ", Enum.GetNames<DeviceKind>())]);
    }
}
