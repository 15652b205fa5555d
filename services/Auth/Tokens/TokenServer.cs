using ECommerce.Auth.Domain;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using ECommerce.Auth.Security;
using OpenIddict.Abstractions;

namespace ECommerce.Auth.Tokens;

/// <summary>The OpenID Connect protocol side: endpoints, flows, token formats and keys.</summary>
internal static class TokenServer
{
    public static WebApplicationBuilder AddOpenIddictServer(this WebApplicationBuilder builder, AuthOptions options, DevelopmentData developmentData)
    {
        var signingKey = SigningKeys.Load(options.SigningKey, builder.Environment, developmentData);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AuthDbContext>())
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(options.Issuer))
                {
                    server.SetIssuer(new Uri(options.Issuer));
                }

                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // S256 only: with "plain" the challenge is the verifier, so anyone who sees the authorize URL can redeem the code.
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain));

                server.RegisterScopes(
                    OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.Profile,
                    OpenIddictConstants.Scopes.Roles, OpenIddictConstants.Scopes.OfflineAccess, AuthScopes.Api);

                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);

                // Services validate access tokens themselves (JwtBearer against the JWKS): plain RS256 JWTs, not JWE.
                server.AddSigningKey(signingKey).DisableAccessTokenEncryption();
                // Codes and refresh tokens stay encrypted (only this server reads them), with a persistent key too.
                server.AddEncryptionKey(SigningKeys.LoadEncryptionKey(options.SigningKey, builder.Environment, developmentData));

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!options.RequireHttps || builder.Environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        return builder;
    }
}
