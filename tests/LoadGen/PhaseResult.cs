namespace CommandCenter.LoadGen;

/// <summary>What one phase of the open loop saw: fixes by answer, request latencies, and how long it ran.</summary>
internal sealed class PhaseResult
{
    private readonly List<double> latencies = [];
    private readonly Lock gate = new();

    public long Accepted { get; private set; }

    public long Refused503 { get; private set; }

    public long OtherAnswers { get; private set; }

    public long Failed { get; private set; }

    /// <summary>Fixes the generator could not send in time because too many requests were still open.</summary>
    public long NotSent { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public IReadOnlyList<double> Latencies => latencies;

    public void Record(int status, int fixes, double milliseconds)
    {
        lock (gate)
        {
            switch (status)
            {
                case 202:
                    Accepted += fixes;
                    latencies.Add(milliseconds);
                    break;
                case 503:
                    Refused503 += fixes;
                    break;
                case 0:
                    Failed += fixes;
                    break;
                default:
                    OtherAnswers += fixes;
                    break;
            }
        }
    }

    public void Skipped(int fixes)
    {
        lock (gate)
        {
            NotSent += fixes;
        }
    }
}
