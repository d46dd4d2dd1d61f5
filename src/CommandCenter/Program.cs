using CommandCenter.AlertDesk;
using CommandCenter.Components;
using CommandCenter.Data;
using CommandCenter.Demo;
using CommandCenter.Ingest;
using CommandCenter.Live;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Site;
using CommandCenter.Supervision;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddSite();
builder.AddCommandCenterData();
builder.AddSecurity();
builder.AddLiveFeed();
builder.AddAlertDesk();
builder.AddIngest();
builder.AddSupervision();
builder.AddScreens();
builder.AddDemo();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.PrepareSecurityAsync();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.SeedDemoAsync();

// Clients get problem details, never a stack trace, whatever the environment.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseSecurity();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapSecurity();
app.MapIngest();
app.MapMapData();
app.MapAlertDesk();
app.MapSupervision();
app.MapLiveFeed();
app.MapScreens();

app.Run();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
