using System.Net.Http.Json;
using CommandCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.SpotChecks;

/// <summary>
/// The pluggable face-comparison service a site may configure (<see cref="SpotCheckOptions.FaceServiceUrl"/>; none by
/// default). Its opinion only pre-fills the verdict the officer then gives; a service that fails or answers nonsense
/// leaves the check to the officer alone. The contract is in docs/face-service.md.
/// </summary>
public class FaceService(IDbContextFactory<CommandCenterDb> factory, IHttpClientFactory clients, IOptionsMonitor<SpotCheckOptions> options, ILogger<FaceService> logger)
{
    public const string Client = "face-service";

    /// <summary>Asks the service about an answered check, if one is configured and the subject has a registered photo.</summary>
    public async Task PrefillAsync(long checkId, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.FaceServiceUrl is not { Length: > 0 } url)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pair = await (from c in db.SpotChecks
                          join a in db.SpotCheckPhotos on c.Id equals a.SpotCheckId
                          join r in db.RegisteredPhotos on c.SubjectId equals r.SubjectId
                          where c.Id == checkId
                          select new { Answer = a.Content, Registered = r.Content }).FirstOrDefaultAsync(cancellationToken);
        if (pair is null)
        {
            return;
        }

        FaceComparison? opinion;
        try
        {
            using var response = await clients.CreateClient(Client).PostAsJsonAsync(url, new FaceComparisonRequest(pair.Registered, pair.Answer), cancellationToken);
            response.EnsureSuccessStatusCode();
            opinion = await response.Content.ReadFromJsonAsync<FaceComparison>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogWarning("The face service gave no opinion on spot check {CheckId}: {Reason}", checkId, exception.Message);
            return;
        }

        if (opinion is not { Same: { } same } || opinion.Score is < 0 or > 1)
        {
            logger.LogWarning("The face service answered spot check {CheckId} outside its contract", checkId);
            return;
        }

        await db.SpotChecks.Where(c => c.Id == checkId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FaceServiceSame, same)
            .SetProperty(c => c.FaceServiceScore, opinion.Score), cancellationToken);
    }
}
