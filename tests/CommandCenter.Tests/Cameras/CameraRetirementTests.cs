using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Cameras;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;

namespace CommandCenter.Tests.Cameras;

/// <summary>Retiring a camera hides it from every screen but keeps it; deleting one is for cameras nothing refers to.</summary>
public class CameraRetirementTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ARetiredCameraKeepsItsRecordButLeavesTheListAndTheNearestSearch()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var id = await AddAsync(duty.Client, "CAM-R01", 35.6001, 117.9001);
        Assert.Equal(id, (await NearestAsync(duty.Client, 35.6001, 117.9001))[0].Id);

        Assert.Equal(HttpStatusCode.NoContent, (await duty.Client.PostAsync($"/api/v1/cameras/{id}/retire", null)).StatusCode);

        Assert.DoesNotContain(await NearestAsync(duty.Client, 35.6001, 117.9001), c => c.Id == id);
        Assert.DoesNotContain((await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/"))!, c => c.Id == id);
        var kept = (await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/?includeRetired=true"))!.Single(c => c.Id == id);
        Assert.NotNull(kept.RetiredAt);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'camera:CAM-R01' AND detail = 'retired'"));

        Assert.Equal(HttpStatusCode.NoContent, (await duty.Client.PostAsync($"/api/v1/cameras/{id}/reinstate", null)).StatusCode);
        Assert.Equal(id, (await NearestAsync(duty.Client, 35.6001, 117.9001))[0].Id);
    }

    [Fact]
    public async Task ACameraNothingRefersToIsDeletedAndAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var id = await AddAsync(duty.Client, "CAM-D01", 35.61, 117.91);

        Assert.Equal(HttpStatusCode.NoContent, (await duty.Client.DeleteAsync($"/api/v1/cameras/{id}")).StatusCode);

        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM cameras WHERE id = @id", ("id", id)));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'camera:CAM-D01' AND detail LIKE 'deleted%'"));
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.DeleteAsync($"/api/v1/cameras/{id}")).StatusCode);
    }

    [Fact]
    public async Task ACameraSomethingRefersToIsNotDeletedAndThe409NamesWhatRefersToIt()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var id = await AddAsync(duty.Client, "CAM-D02", 35.62, 117.92);

        // A table that points at cameras, as roll calls at a camera would: the check finds it through its foreign key.
        await county.ExecuteAsync($"""
            CREATE TABLE roll_calls_at_cameras (id serial PRIMARY KEY, camera_id int NOT NULL REFERENCES cameras(id));
            GRANT SELECT ON roll_calls_at_cameras TO {TestDatabaseRoles.App};
            INSERT INTO roll_calls_at_cameras (camera_id) VALUES ({id}), ({id});
            """);
        try
        {
            var response = await duty.Client.DeleteAsync($"/api/v1/cameras/{id}");

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, problem.GetProperty("references").GetProperty("roll_calls_at_cameras.camera_id").GetInt64());
            Assert.Contains("roll_calls_at_cameras.camera_id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM cameras WHERE id = @id", ("id", id)));
        }
        finally
        {
            await county.ExecuteAsync("DROP TABLE roll_calls_at_cameras");
        }
    }

    [Fact]
    public async Task AChangeMadeAgainstAnOlderVersionIsA409AndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var id = await AddAsync(duty.Client, "CAM-V01", 35.63, 117.93);
        var read = (await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/"))!.Single(c => c.Id == id);
        var first = await duty.Client.PutAsJsonAsync($"/api/v1/cameras/{id}", new { code = "CAM-V01", name = "先改", latitude = 35.63, longitude = 117.93, version = read.Version });
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);

        var second = await duty.Client.PutAsJsonAsync($"/api/v1/cameras/{id}", new { code = "CAM-V01", name = "后改", latitude = 35.63, longitude = 117.93, version = read.Version });
        var retire = await duty.Client.PostAsync($"/api/v1/cameras/{id}/retire?version={read.Version}", null);
        var delete = await duty.Client.DeleteAsync($"/api/v1/cameras/{id}?version={read.Version}");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retire.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("先改", await county.ScalarAsync<string>("SELECT name FROM cameras WHERE id = @id", ("id", id)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM cameras WHERE id = @id AND retired_at IS NOT NULL", ("id", id)));
    }

    private static async Task<int> AddAsync(HttpClient client, string code, double latitude, double longitude)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cameras/", new { code, name = "测试路口", latitude, longitude, online = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<List<CameraView>> NearestAsync(HttpClient client, double latitude, double longitude) =>
        (await client.GetFromJsonAsync<List<CameraView>>($"/api/v1/cameras/nearest?lat={latitude}&lon={longitude}&limit=3"))!;
}
