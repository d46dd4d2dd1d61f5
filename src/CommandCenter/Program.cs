using CommandCenter.AlertDesk;
using CommandCenter.AlertLog;
using CommandCenter.Cameras;
using CommandCenter.Components;
using CommandCenter.Data;
using CommandCenter.Devices;
using CommandCenter.DemoView;
using CommandCenter.DemoCounty;
using CommandCenter.Fences;
using CommandCenter.FieldMessages;
using CommandCenter.Ingest;
using CommandCenter.Kpi;
using CommandCenter.Live;
using CommandCenter.Map;
using CommandCenter.Reports;
using CommandCenter.Operations;
using CommandCenter.Phone;
using CommandCenter.ProtectedPeople;
using CommandCenter.Security;
using CommandCenter.Site;
using CommandCenter.Hosting;
using CommandCenter.Site.Settings;
using CommandCenter.SpotChecks;
using CommandCenter.RollCalls;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using CommandCenter.Wall;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddHosting();
builder.AddData();
builder.AddSiteSettings();
builder.AddSecurity();
builder.AddLive();
builder.AddAlertLog();
builder.AddAlertDesk();
builder.AddIngest();
builder.AddSupervision();
builder.AddSpotChecks();
builder.AddRollCalls();
builder.AddComponents();
builder.AddWall();
builder.AddKpi();
builder.AddReports();
builder.AddDemo(args);
builder.AddDemoView();
builder.AddCameras();
builder.AddFences();
builder.AddSquads();
builder.AddSubjects();
builder.AddSite();
builder.AddDevices();
builder.AddProtectedPeople();
builder.AddFieldMessages();
builder.AddOperations();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.PrepareSecurityAsync();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app.Services, args);
}

await app.SeedDemoAsync();

// Clients get problem details, never a stack trace, whatever the environment; a request the framework
// could not read (a parameter of the wrong type) is the client's mistake, a 400 that says what was wrong.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseRequestBounds();
app.UseRequestLocalization();
app.UseSecurity();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapSecurity();
app.MapIngest();
app.MapMapData();
app.MapAlertLog();
app.MapSupervision();
app.MapSpotChecks();
app.MapRollCalls();
app.MapPhone();
app.MapLive();
app.MapDemoView();
app.MapDemoVideo();
app.MapCameras();
app.MapFences();
app.MapSquads();
app.MapSubjects();
app.MapSite();
app.MapDevices();
app.MapProtectedPeople();
app.MapFieldMessages();
app.MapKpi();
app.MapReports();
app.MapSiteSettings();
app.MapCultureSwitch();
app.MapOperations();
app.MapComponents();

app.Run();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
