using Microsoft.AspNetCore.Localization;
using CommandCenter.Security.Accounts;

namespace CommandCenter.Components;

/// <summary>The language switch: remembers the choice in a cookie and returns to the page it came from.</summary>
public static class CultureEndpoints
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", Switch)
            .WithTags("Screens")
            .AllowAnonymous()
            .WithSummary("Switches the screens' language (name=zh-CN or en) and returns to returnUrl, which must be a local path (400 otherwise).");
        return app;
    }

    private static IResult Switch(HttpContext context, string? name, string? returnUrl)
    {
        if (name is null || !Supported.Contains(name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{name}' is not a language of the screens; use zh-CN or en."] });
        }

        // A returnUrl that is not a local path (another site, or a line break that would split the header) is the client's mistake.
        if (returnUrl is not null && !LocalReturnUrl.IsLocal(returnUrl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["returnUrl"] = ["Only a path on this site may be returned to."] });
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, Secure = context.Request.IsHttps });
        return TypedResults.Redirect(LocalReturnUrl.Of(returnUrl));
    }
}
