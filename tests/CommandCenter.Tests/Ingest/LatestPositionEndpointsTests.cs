using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Ingest;

public class LatestPositionEndpointsTests(SmallCountyApp app) : SignedInTest(Roles.DutyOfficer), IClassFixture<SmallCountyApp>
{
    protected override CommandCenterApp Host => app;

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheLatestPositionsLeaveOutSubjectsWhoseOrderHasEnded()
    {
        var hidden = await county.HiddenDeviceAsync();

        var positions = await Client.GetFromJsonAsync<JsonElement>("/api/v1/map/positions");

        var subjects = positions.EnumerateArray().Select(p => p.GetProperty("subjectId").GetInt32()).ToList();
        Assert.NotEmpty(subjects);
        Assert.DoesNotContain(hidden.SubjectId, subjects);
    }
}
