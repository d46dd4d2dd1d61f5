using CommandCenter.FieldMessages.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.FieldMessages;

/// <summary>
/// Delivers the outbox: claims the messages that are due (skipping rows another node holds), sends them at once
/// with a timeout each, and records every attempt. A failure waits twice as long as the one before, up to a
/// limit; after the last attempt the message is recorded as failed and the desk shows it.
/// </summary>
public class FieldMessageCourier(
    NpgsqlDataSource dataSource,
    IHttpClientFactory clients,
    TimeProvider time,
    IOptionsMonitor<FieldMessageOptions> options,
    FieldChannelDirectory channels,
    ILogger<FieldMessageCourier> logger) : BackgroundService
{
    public const string HttpClientName = "field-messages";

    private const int ResultLength = 300;

    /// <summary>A claimed row is hidden from other nodes until this long after its timeout; a node that dies mid-send lets it go.</summary>
    private const string Claim = """
        UPDATE field_messages m SET next_attempt_at = @lease
        WHERE m.id IN (SELECT id FROM field_messages WHERE state = 'Pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT 50 FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.channel, m.recipient, m.text, m.attempts
        """;

    private const string Record = """
        UPDATE field_messages SET attempts = attempts + 1, last_result = @result, state = @state, next_attempt_at = @next, sent_at = @sent WHERE id = @id
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Delivering messages to the field failed; trying again at the next check.");
            }
        }
    }

    /// <summary>Sends every message that is due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var claimed = new List<(long Id, string Channel, string? Recipient, string Text, int Attempts)>();
        await using (var command = dataSource.CreateCommand(Claim))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("lease", now + settings.RequestTimeout * 2);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }
        }

        var inForce = channels.Current;
        await Task.WhenAll(claimed.Select(async message =>
        {
            var channel = inForce.FirstOrDefault(c => string.Equals(c.Name, message.Channel, StringComparison.OrdinalIgnoreCase));
            var (accepted, result) = channel is null
                ? (false, "The channel is no longer configured.")
                : await SendAsync(channel, message.Recipient, message.Text, settings.RequestTimeout, cancellationToken);
            await RecordAsync(message.Id, message.Attempts + 1, accepted, channel is not null, result, settings, cancellationToken);
        }));
        return claimed.Count;
    }

    /// <summary>Sends one text at once, outside the outbox (the settings page's test message); answers how it went.</summary>
    public Task<(bool Accepted, string Result)> SendNowAsync(FieldChannelOptions channel, string? recipient, string text, CancellationToken cancellationToken) =>
        SendAsync(channel, recipient, text, options.CurrentValue.RequestTimeout, cancellationToken);

    private async Task<(bool Accepted, string Result)> SendAsync(FieldChannelOptions channel, string? recipient, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = ChannelRequests.For(channel, recipient, text, time.GetUtcNow());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var status = (int)response.StatusCode;
            return (ChannelRequests.Accepted(channel.Kind, status, body), Shorten($"{status} {body}"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"No answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            return (false, Shorten(exception.Message));
        }
    }

    private async Task RecordAsync(long id, int attempts, bool accepted, bool retryable, string result, FieldMessageOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = accepted ? FieldMessageState.Sent : retryable && attempts < settings.MaxAttempts ? FieldMessageState.Pending : FieldMessageState.Failed;
        await using var command = dataSource.CreateCommand(Record);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("result", result);
        command.Parameters.AddWithValue("state", state.ToString());
        command.Parameters.AddWithValue("next", state == FieldMessageState.Pending ? now + settings.RetryDelay(attempts) : now);
        command.Parameters.AddWithValue("sent", accepted ? now : (object)DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (state == FieldMessageState.Failed)
        {
            logger.LogWarning("A message to the field (#{Id}) failed after {Attempts} attempts: {Result}", id, attempts, result);
        }
    }

    private static string Shorten(string text) => text.Length <= ResultLength ? text : text[..ResultLength];
}
