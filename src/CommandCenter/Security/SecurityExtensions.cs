using CommandCenter.Data;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Headers;
using CommandCenter.Security.Proxy;
using CommandCenter.Security.Sessions;
using CommandCenter.Security.Tokens;
using CommandCenter.Security.TwoFactor;
using CommandCenter.Security.Users;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security;

public static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        var settings = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        // Keys live in the database so that sign-ins survive a restart and are shared by every app node.
        var keys = builder.Services.AddDataProtection().SetApplicationName("county-command-center").PersistKeysToDbContext<CommandCenterDb>();
        KeyEncryption.Apply(keys, settings);

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options => ConfigureCookie(options, settings)));
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, IntegrationTokenHandler>(IntegrationTokenDefaults.Scheme, _ => { });

        builder.Services.AddIdentityCore<CommandCenterUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = settings.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = settings.Lockout;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CommandCenterDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<UserClaimsFactory>();

        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IServiceProvider>(RateLimits.Configure);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);

        builder.AddSessions();
        builder.AddProxy();
        builder.AddAuditTrail();
        builder.Services.AddScoped<SignInFlow>();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<Authenticator>();
        builder.Services.AddScoped<SecondFactorReset>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<PasswordChanges>();
        builder.Services.AddScoped<IntegrationTokens>();
        builder.Services.AddSingleton<SecondFactorRoles>();
        builder.Services.AddSingleton<Regions.RegionScopes>();
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseProxy();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapSecurity(this WebApplication app)
    {
        app.MapSessions();
        app.MapUsers();
        app.MapUserChanges();
        app.MapOwnPassword();
        app.MapSecondFactorRoles();
        app.MapIntegrationTokens();
        app.MapAudit();
        return app;
    }

    /// <summary>Creates the roles; the accounts themselves come from the admin command or the demo seed, never with default passwords.</summary>
    public static async Task PrepareSecurityAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureRolesAsync();
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, SecurityOptions settings)
    {
        options.Cookie.Name = "cc.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.AccessDeniedPath = "/access-denied";
        options.ExpireTimeSpan = settings.IdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);

        // The wall's and a demo link's long sign-ins must not be cut down to the desk's idle window by sliding renewal.
        options.Events.OnCheckSlidingExpiration = context =>
        {
            if (context.Principal?.IsInRole(Roles.Wall) == true || context.Principal?.IsInRole(Roles.DemoGuest) == true)
            {
                context.ShouldRenew = false;
            }

            return Task.CompletedTask;
        };

        // A demo-link visitor has no account whose security stamp could be checked; the link's expiry is the cookie's.
        var validateAccount = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = context =>
            context.Principal?.HasClaim(c => c.Type == ClaimNames.DemoLink) == true ? Task.CompletedTask : validateAccount(context);

        // Outermost: a session ended on the server is refused before anything else is checked.
        SessionCookieEvents.Attach(options);
    }

    /// <summary>APIs and hubs answer 401/403; pages are sent to the sign-in or access-denied page.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
