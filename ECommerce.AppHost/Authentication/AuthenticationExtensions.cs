namespace ECommerce.AppHost.Authentication;

/// <summary>
/// Wires the Auth service (the OpenID Connect provider) and every service that validates its tokens.
/// <para>
/// Issuer vs. metadata address: browsers reach Auth through the gateway, so the issuer — the <c>iss</c> in every
/// token and the address in the discovery document — is the gateway's public URL, fixed by configuration rather than
/// inferred from whichever host a request came in on. Services fetch the discovery document and JWKS directly from
/// Auth's own endpoint (the backchannel), never through the public edge; they compare tokens against the issuer.
/// </para>
/// </summary>
public static class AuthenticationExtensions
{
    public const string Audience = "ecommerce-api";

    /// <summary>
    /// Makes <paramref name="gateway"/>'s URL the issuer of <paramref name="auth"/>, registers the storefront's redirect
    /// URIs on it, and points Auth's own bearer validation at itself. Call once, after the gateway is declared.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicIssuer(
        this IResourceBuilder<ProjectResource> auth, IResourceBuilder<ProjectResource> gateway)
    {
        var gatewayUrl = gateway.GetEndpoint("http");
        auth.WithAnnotation(new PublicIssuerAnnotation(gatewayUrl), ResourceAnnotationMutationBehavior.Replace)
            .WithEnvironment("Auth__Issuer", ReferenceExpression.Create($"{gatewayUrl}/"))
            // Index 0 is the storefront served by the gateway; appsettings keeps the Vite dev server at index 1.
            .WithEnvironment("Auth__Storefront__RedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/auth/callback"))
            .WithEnvironment("Auth__Storefront__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/"))
            .WithAuthentication(auth);

        var builder = auth.ApplicationBuilder;
        if (!builder.ExecutionContext.IsPublishMode)
        {
            // Generated development secrets (signing key, admin password) live beside the local infrastructure data,
            // so a test run with its own data directory never touches a developer's.
            var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
            var dataRoot = builder.Configuration["Infrastructure:DataDirectory"] ?? Path.Combine(repositoryRoot, ".data", "local");
            auth.WithEnvironment("Auth__DevelopmentDataDirectory", Path.GetFullPath(Path.Combine(dataRoot, "auth")));
        }

        // The seeded admin's password, when the AppHost is given one (`--Auth:Admin:Password`, user secrets, a test
        // fixture): otherwise Auth generates one in Development and prints it once.
        if (builder.Configuration["Auth:Admin:Password"] is { Length: > 0 } adminPassword)
        {
            auth.WithEnvironment("Auth__Admin__Password", adminPassword);
        }

        return auth;
    }

    /// <summary>
    /// Gives a service what ServiceDefaults' <c>AddDefaultAuthentication</c> reads: <c>Authentication__Authority</c>
    /// (the issuer), <c>Authentication__MetadataAddress</c> (Auth's discovery document over the internal network) and
    /// <c>Authentication__Audience</c>.
    /// </summary>
    public static IResourceBuilder<T> WithAuthentication<T>(this IResourceBuilder<T> service, IResourceBuilder<ProjectResource> auth)
        where T : IResourceWithEnvironment
    {
        var authUrl = auth.GetEndpoint("http");
        return service
            .WithEnvironment(context =>
            {
                // Read when the service starts, so the order of WithPublicIssuer and WithAuthentication does not matter.
                var issuer = auth.Resource.TryGetLastAnnotation<PublicIssuerAnnotation>(out var annotation)
                    ? ReferenceExpression.Create($"{annotation.Endpoint}/")
                    : ReferenceExpression.Create($"{authUrl}/");
                context.EnvironmentVariables["Authentication__Authority"] = issuer;
            })
            .WithEnvironment("Authentication__MetadataAddress", ReferenceExpression.Create($"{authUrl}/.well-known/openid-configuration"))
            .WithEnvironment("Authentication__Audience", Audience);
    }

    /// <summary>
    /// Registers <paramref name="service"/> as a confidential client of <paramref name="auth"/> (client id = resource
    /// name) for calls it makes as itself: the secret is generated once and kept in the AppHost's user secrets (never
    /// in the repository), given to Auth as <c>Auth__ServiceClients__{id}__Secret</c> and to the service as
    /// <c>Authentication__Client__*</c>, which ServiceDefaults' <c>AddClientCredentialsToken()</c> reads.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithClientCredentials(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> auth)
    {
        var clientId = service.Resource.Name;
        var secret = service.ApplicationBuilder.AddParameter(
            $"{clientId}-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        auth.WithEnvironment($"Auth__ServiceClients__{clientId}__Secret", secret);
        return service
            .WithEnvironment("Authentication__Client__Id", clientId)
            .WithEnvironment("Authentication__Client__Secret", secret)
            .WithEnvironment("Authentication__Client__TokenEndpoint", ReferenceExpression.Create($"{auth.GetEndpoint("http")}/connect/token"));
    }

    /// <summary>Remembers which endpoint is the public issuer.</summary>
    private sealed record PublicIssuerAnnotation(EndpointReference Endpoint) : IResourceAnnotation;
}
