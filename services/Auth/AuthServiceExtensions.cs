using ECommerce.Auth.Accounts;
using ECommerce.Auth.Email;
using ECommerce.Auth.EmailVerification;
using ECommerce.Auth.Options;
using ECommerce.Auth.PasswordReset;
using ECommerce.Auth.Persistence;
using ECommerce.Auth.Security;
using ECommerce.Auth.Seeding;
using ECommerce.Auth.Tokens;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.Auth;

/// <summary>
/// Everything the Auth service registers: its database (the shared recipe: migrated, then seeded by <see cref="AuthSeeder"/>),
/// Identity and its Data Protection key ring, OpenIddict, e-mail and the outbox.
/// </summary>
public static class AuthServiceExtensions
{
    /// <summary>The Data Protection application name every Auth replica shares (it isolates payloads by purpose and app).</summary>
    public const string DataProtectionApplicationName = "ecommerce-auth";

    public static WebApplicationBuilder AddAuthService(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var developmentData = DevelopmentData.For(options, builder.Environment);
        builder.Services.AddSingleton(developmentData);

        builder.AddServiceDatabase<AuthDbContext, WebApplicationBuilder>("authdb");
        builder.Services.AddScoped<IDatabaseSeeder<AuthDbContext>, AuthSeeder>();
        builder.AddMessaging<AuthDbContext>(m => m.Subscribe<UserDeleted, UserDeletedHandler>());

        builder.Services.AddIdentity<AuthUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.Lockout.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = options.Lockout.Duration;
                identity.ClaimsIdentity.UserIdClaimType = CallerExtensions.SubjectClaim;
                identity.ClaimsIdentity.UserNameClaimType = "name";
                identity.ClaimsIdentity.RoleClaimType = "role";
                identity.ClaimsIdentity.EmailClaimType = "email";
            })
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddDefaultTokenProviders();

        // The sign-in cookie, the pages' antiforgery tokens and Identity's reset and confirmation tokens are Data Protection
        // payloads. Each Container Apps replica has its own file system, so the default key folder would give each one
        // its own key ring: a page served by one replica and posted to another would fail. One ring in this database,
        // under one application name, in every mode (local replicas should not lean on a shared home folder either).
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<AuthDbContext>();

        // The sign-in cookie only serves the pages and /connect/authorize; APIs stay on bearer tokens.
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.Cookie.Name = "ecommerce.auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.HttpOnly = true;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // AddIdentity makes its cookie the default; the service's own APIs authenticate bearer tokens like every service.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(auth =>
        {
            auth.DefaultScheme = JwtBearerDefaults.AuthenticationScheme;
            auth.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
            auth.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
        });

        builder.AddOpenIddictServer(options, developmentData);

        // Account e-mails are events for the Notifications service. Auth:DevelopmentMailbox also keeps the links in memory
        // outside Development (tests); its endpoint is Development-only.
        if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Auth:DevelopmentMailbox"))
        {
            builder.Services.AddSingleton<DevelopmentMailbox>();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IEmailSender<AuthUser>, AccountEmailPublisher>();

        builder.Services.AddAntiforgery(a => a.Cookie.Name = "ecommerce.antiforgery");
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<PasswordResetLinks>();
        builder.Services.AddScoped<EmailVerificationLinks>();

        // The gateway terminates the browser's connection; its X-Forwarded-* headers give the public host and scheme
        // for redirects. Auth is reachable only from inside the environment (internal ingress), so the proxy is trusted.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });

        return builder;
    }
}
