namespace CommandCenter.LoadGen;

/// <summary>Nearest-rank percentiles.</summary>
internal static class Percentile
{
    public static double Of(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
