using CommandCenter.Hosting;
using CommandCenter.Subjects.CoDefendants;
using CommandCenter.Subjects.Import;
using CommandCenter.Subjects.Pages;
using CommandCenter.Subjects.Positioning;
using CommandCenter.Subjects.Privacy;
using CommandCenter.Subjects.Registry;
using CommandCenter.Subjects.Tracks;
using CommandCenter.Subjects.WhoWasThere;

namespace CommandCenter.Subjects;

public static class SubjectsExtensions
{
    /// <summary>The subjects' registry, their positioning orders and track replay.</summary>
    public static WebApplicationBuilder AddSubjects(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SubjectsOptions>(SubjectsOptions.Section);
        builder.Services.AddSingleton<SubjectCards>();
        builder.Services.AddSingleton<SubjectQueries>();
        builder.Services.AddSingleton<SubjectStore>();
        builder.Services.AddSingleton<SubjectImport>();
        builder.Services.AddSingleton<PositioningStore>();
        builder.Services.AddSingleton<TrackQueries>();
        builder.Services.AddSingleton<CoDefendantStore>();
        SubjectPagePanelType.Add<CoDefendantsPanel>(builder.Services);
        builder.AddValidatedOptions<WhoWasThereOptions>(WhoWasThereOptions.Section);
        builder.Services.AddSingleton<FixesInArea>();
        builder.Services.AddSingleton<WhoWasThereQueries>();
        return builder;
    }

    public static WebApplication MapSubjects(this WebApplication app)
    {
        var subjects = app.MapGroup("/api/v1/subjects").WithTags("Subjects");
        subjects.MapRegistry();
        subjects.MapSubjectImport();
        subjects.MapTracks();
        subjects.MapWhoWasThere();
        subjects.MapPositioningOrders();
        subjects.MapCoDefendants();
        app.MapSubjectCards();
        return app;
    }
}
