using System.Security.Claims;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Web.Access;

/// <summary>Sign-in, roles, sessions and who the store sees: the registrations and the endpoints.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity over the store, with the password policy of OWASP ASVS 5.0 L1 (8 to 128 characters,
    /// no composition rules, common passwords refused), lockout after repeated failures, a session that ends after
    /// 30 idle minutes or 12 hours, open pages revalidated every 30 minutes, and data-protection keys kept in the
    /// store so that several instances share them.
    /// </summary>
    public static IServiceCollection AddCxAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AccessOptions.SectionName);
        var access = section.Get<AccessOptions>() ?? new AccessOptions();
        services.AddOptions<AccessOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<CircuitHandler, StoreActorCircuitHandler>();
        services.AddScoped<AccessGuard>();
        services.AddSingleton<AccessSeeder>();
        // Identity's stores work on a context of the request's or circuit's own.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext());

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<CxUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = access.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(access.LockoutMinutes);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CxDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CxClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CxDashboard.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            // Idle limit: the cookie lapses after this long without a request; open pages renew it while in use.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(access.IdleMinutes);
            o.SlidingExpiration = true;
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (context.Principal is null || !SessionRevalidation.WithinAbsoluteLimit(context.Principal, access, time.GetUtcNow().UtcDateTime))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await stampCheck(context);
            };
            // The API and background calls get a status code, not a sign-in page.
            o.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(access.RevalidateMinutes);
            // A refreshed principal keeps the time of the original sign-in: the 12-hour limit does not restart.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(CxClaims.SignedIn) is { } signedIn && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaim(new Claim(CxClaims.SignedIn, signedIn.Value));
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            // Every page and endpoint needs a signed-in user unless it says otherwise (sign-in, health, static files).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CxPolicies.OrganisationEditor, p => p.RequireRole(CxRoles.Editor).RequireAssertion(c => CxClaims.PartnerOf(c.User) is null))
            .AddPolicy(CxPolicies.OrganisationAdmin, p => p.RequireRole(CxRoles.Admin).RequireAssertion(c => CxClaims.PartnerOf(c.User) is null));

        services.AddDataProtection().PersistKeysToDbContext<CxDbContext>().SetApplicationName("CxDashboard");
        return services;
    }

    /// <summary>Authentication, then the store's actor for each request, then authorization.</summary>
    public static WebApplication UseCxAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseMiddleware<StoreActorMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Signing out, and the keep-alive an open page calls while its user works.</summary>
    public static WebApplication MapCxAccount(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only the page's own sign-out button can sign someone out: the form carries the antiforgery token.
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<CxUser> signIn) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.BadRequest("This sign-out did not come from a CxDashboard page. Use the Sign out button in the app.");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?reason=signed-out");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        // Renews the sliding session cookie: an open page calls it while its user types, clicks or scrolls.
        app.MapGet("/account/keepalive", () => Results.NoContent());
        return app;
    }

    /// <summary>Seeds the roles and first users; call once after the store is initialized.</summary>
    public static Task SeedCxAccessAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<AccessSeeder>().SeedAsync(cancellationToken);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/account/keepalive") || path.StartsWithSegments("/health"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
