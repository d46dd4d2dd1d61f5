using CommandCenter.AlertDesk;
using CommandCenter.Components;
using CommandCenter.Data;
using CommandCenter.Demo;
using CommandCenter.Ingest;
using CommandCenter.Kpi;
using CommandCenter.Live;
using CommandCenter.Map;
using CommandCenter.Site;

var builder = WebApplication.CreateBuilder(args);
builder.AddSite();
builder.AddCommandCenterData();
builder.AddLiveFeed();
builder.AddIngest();
builder.AddScreens();
builder.AddKpi();
builder.AddDemo();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.SeedDemoAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
}

app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapIngest();
app.MapMapData();
app.MapAlertDesk();
app.MapLiveFeed();
app.MapKpi();
app.MapScreens();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
