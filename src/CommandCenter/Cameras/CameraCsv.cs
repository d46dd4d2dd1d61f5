using System.Globalization;
using CommandCenter.Kit;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Cameras;

/// <summary>
/// Reads a camera registry exported as CSV: a header row naming at least code, name, latitude and
/// longitude (WGS-84), optionally stream_url, snapshot_url and online. Every bad cell is named by its row
/// and column; a file with any bad cell imports nothing.
/// </summary>
public static class CameraCsv
{
    private static readonly string[] Required = ["code", "name", "latitude", "longitude"];

    public static (List<CameraInput> Cameras, Dictionary<string, string[]> Errors) Read(string csv, IStringLocalizer<UiText> text)
    {
        var lines = CsvRows.Read(csv.TrimStart('\uFEFF')).Where(r => r.Count > 1 || r[0].Trim().Length > 0).ToList();
        var errors = new Dictionary<string, string[]>();
        if (lines.Count == 0)
        {
            errors["file"] = [text["Refusal.Camera.EmptyFile"]];
            return ([], errors);
        }

        var header = lines[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            errors["header"] = [text["Refusal.Camera.Header", string.Join(", ", missing), string.Join(", ", Required)]];
            return ([], errors);
        }

        var cameras = new List<CameraInput>();
        for (var row = 1; row < lines.Count; row++)
        {
            var cells = lines[row];
            string? Cell(string column) => header.IndexOf(column) is var i and >= 0 && i < cells.Count ? cells[i].Trim() : null;
            var input = new CameraInput(
                Cell("code"),
                Cell("name"),
                Number(Cell("latitude")),
                Number(Cell("longitude")),
                NullIfEmpty(Cell("stream_url")),
                NullIfEmpty(Cell("snapshot_url")),
                Cell("online") is { Length: > 0 } online ? online is "1" or "true" or "yes" or "是" : true);
            foreach (var (field, messages) in CameraChecks.Check(input, text, $"row {row + 1}, "))
            {
                errors[field] = messages;
            }

            cameras.Add(input);
        }

        var duplicates = cameras.GroupBy(c => c.Code?.Trim()).Where(g => g.Key is not null && g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors["code"] = [text["Refusal.Camera.DuplicateCodes", string.Join(", ", duplicates)]];
        }

        return (cameras, errors);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
