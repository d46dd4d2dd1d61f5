using System.Globalization;

namespace CommandCenter.TestSupport.Operations;

/// <summary>One scrape of <c>/metrics</c> in the Prometheus text format, read as an operator's query would read it.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The sum of every series of <paramref name="name"/> that carries all the given labels (0 when none does).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Series(name).Where(s => labels.All(l => s.Labels.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>Whether any series of this name was exported.</summary>
    public bool Has(string name) => Series(name).Any();

    private IEnumerable<(string Labels, double Value)> Series(string name)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length
                || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[name.Length] == '{' ? line.IndexOf('}', name.Length) + 1 : name.Length;
            var labels = line[name.Length..labelsEnd];
            var value = line[labelsEnd..].Trim().Split(' ')[0];
            yield return (labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
