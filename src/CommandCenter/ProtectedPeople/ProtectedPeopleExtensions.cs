namespace CommandCenter.ProtectedPeople;

public static class ProtectedPeopleExtensions
{
    /// <summary>Protected people (双向定位): their enrolment, links and the phone's positions the rules measure against.</summary>
    public static WebApplicationBuilder AddProtectedPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProtectedPersonQueries>();
        builder.Services.AddSingleton<ProtectedPersonStore>();
        builder.Services.AddSingleton<ProtectedPositionReceiver>();
        builder.Services.AddSingleton<ProtectedPhoneSetup>();
        return builder;
    }
}
