using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.LoadGen;

/// <summary>Counts the alertRaised messages a wall hears for an alert it was already told of.</summary>
internal sealed class DuplicateWatch
{
    private readonly ConcurrentDictionary<long, int> heard = new();

    public DuplicateWatch(HubConnection wall) =>
        wall.On<JsonElement>("alertRaised", alert => heard.AddOrUpdate(alert.GetProperty("alertId").GetInt64(), 1, (_, count) => count + 1));

    public int Duplicates => heard.Values.Sum(count => count - 1);

    public int Alerts => heard.Count;
}
