using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommandCenter.TestSupport.FieldMessages;

/// <summary>
/// A local HTTP receiver standing in for the robots' webhooks, the SMS gateway and a face service: records every request and
/// answers as a robot does ({"errcode":0}), or with 500s, or not at all (its port closed, or silent: it takes the
/// request and never answers, as a hung gateway does).
/// </summary>
public sealed class FieldReceiver : IDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly ConcurrentQueue<HttpListenerContext> unanswered = new();
    private HttpListener? listener;
    private volatile bool silent;

    public FieldReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>What it answers with 200 (a robot's answer unless set, e.g. a face service's opinion).</summary>
    public string Answer { get; set; } = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    /// <summary>Answer 500 to everything while set.</summary>
    public bool Failing { get; set; }

    /// <summary>Take every request and answer none while set; clearing it drops the connections held meanwhile.</summary>
    public bool Silent
    {
        get => silent;
        set
        {
            silent = value;
            if (!value)
            {
                DropUnanswered();
            }
        }
    }

    public IReadOnlyCollection<ReceivedRequest> Received => received.ToArray();

    public void Start()
    {
        listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = ServeAsync(listener);
    }

    /// <summary>Closes the port: senders get connection refused.</summary>
    public void Stop()
    {
        DropUnanswered();
        listener?.Close();
        listener = null;
    }

    public async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The receiver got no such request; it got: " + string.Join(" | ", received.Select(r => r.PathAndQuery + " " + r.Body)));
    }

    private async Task ServeAsync(HttpListener serving)
    {
        while (serving.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await serving.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            received.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.ContentType, body));
            if (silent)
            {
                unanswered.Enqueue(context);
                continue;
            }

            context.Response.StatusCode = Failing ? 500 : 200;
            var answer = Encoding.UTF8.GetBytes(Failing ? "busy" : Answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private void DropUnanswered()
    {
        while (unanswered.TryDequeue(out var context))
        {
            context.Response.Abort();
        }
    }

    public void Dispose() => Stop();
}
