namespace CommandCenter.TestSupport.Cluster;

/// <summary>One line of <see cref="ClusterNginx"/>'s access log: which node served a request, and under which affinity cookie ("-": none).</summary>
public sealed record RelayedRequest(string Node, int Status, string Method, string Path, string Affinity)
{
    public static RelayedRequest Parse(string line)
    {
        // "$upstream_addr $status $request_method $uri $cookie_cc_node"; a request tried on two nodes names both (", ").
        var fields = line.Split(' ');
        return new RelayedRequest(string.Join(' ', fields[..^4]), int.TryParse(fields[^4], out var status) ? status : 0, fields[^3], fields[^2], fields[^1]);
    }
}
