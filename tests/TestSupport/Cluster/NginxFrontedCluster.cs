namespace CommandCenter.TestSupport.Cluster;

/// <summary>A <see cref="LoopbackCluster"/> behind the nginx that `./run.sh --nodes 3` puts in front of it.</summary>
public class NginxFrontedCluster : LoopbackCluster
{
    public ClusterNginx Nginx { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Nginx = await ClusterNginx.StartAsync(Nodes.Select(n => n.BaseAddress));
    }

    public override async Task DisposeAsync()
    {
        // Also called when the nodes failed to start, before nginx was.
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
