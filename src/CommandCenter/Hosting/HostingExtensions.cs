using System.Text.Json.Serialization;
using Microsoft.Extensions.Validation;

namespace CommandCenter.Hosting;

public static class HostingExtensions
{
    /// <summary>Site settings, the clock, JSON conventions and the API description shared by every feature.</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<SiteOptions>(SiteOptions.Section, SiteOptions.Tunable)
            .Validate(o => TryFindZone(o.TimeZone), "Site:TimeZone is not a time zone this system knows.");
        builder.Services.AddSingleton<SiteClock>();
        builder.Services.AddSingleton(TimeProvider.System);
        // Enums by name only: a number (99, or "99") would bind to a value no rule knows and be stored as such.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

        // The validation attributes of request records and parameters (lengths, ranges, plausible dates) are
        // enforced for every endpoint: on bound parameters by the framework, on bodies read by hand through RequestValidation.
        builder.Services.AddValidation();
#pragma warning disable ASP0029 // the resolvers are the documented extension point, marked experimental in .NET 10
        builder.Services.PostConfigure<ValidationOptions>(options =>
        {
            for (var i = 0; i < options.Resolvers.Count; i++)
            {
                options.Resolvers[i] = new JsonNamedValidation(options.Resolvers[i]);
            }
        });
#pragma warning restore ASP0029
        // A query or route value of the wrong type ("lon=abc") must come back as a 400 that names the parameter,
        // not a bare status: the binder's message is passed on by the problem details below.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Detail = bad.Message;
            }
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>Holds every query enum to its names, as the JSON options hold bodies (after routing: it reads the endpoint's handler).</summary>
    public static IApplicationBuilder UseRequestBounds(this IApplicationBuilder app) => app.UseMiddleware<EnumNamesInQuery>();

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
