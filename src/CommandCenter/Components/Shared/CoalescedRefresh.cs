namespace CommandCenter.Components.Shared;

/// <summary>
/// Re-reads something when asked, one read at a time; asks that come while a read runs are folded into one
/// more read. A burst of alerts (a replay, a storm of low batteries) costs a screen two queries, not hundreds,
/// and the publisher that asks never waits for the database.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> refresh, Action<Exception> failed)
{
    private readonly Lock gate = new();
    private bool running;
    private bool again;

    public void Request()
    {
        lock (gate)
        {
            if (running)
            {
                again = true;
                return;
            }

            running = true;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await refresh();
            }
            catch (Exception exception)
            {
                failed(exception);
            }

            lock (gate)
            {
                if (!again)
                {
                    running = false;
                    return;
                }

                again = false;
            }
        }
    }
}
