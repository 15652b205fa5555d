namespace ECommerce.AppHost.Resources;

/// <summary>
/// Registers the React storefront (web/): when running, its production build served by <c>vite preview</c> (what
/// shoppers get), or the Vite dev server with hot reload on request (<c>--Web:Mode dev</c>); its Dockerfile when publishing.
/// </summary>
public static class StorefrontExtensions
{
    /// <summary>Port the storefront's container listens on (web/Dockerfile's web server reads PORT).</summary>
    public const int ContainerPort = 8080;

    /// <summary>Web:Mode value that runs the Vite dev server (hot reload) instead of the production build.</summary>
    public const string DevMode = "dev";

    /// <summary>
    /// Adds the storefront, talking to the APIs only through <paramref name="gateway"/>: in run mode Vite proxies /api,
    /// /connect, /.well-known and /account to GATEWAY_URL; in publish mode the gateway routes every non-API path to it.
    /// </summary>
    public static IResourceBuilder<IResourceWithEndpoints> AddStorefront(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        var webDirectory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "web"));

        if (builder.ExecutionContext.IsPublishMode)
        {
            // Deployed, the storefront is static files behind the gateway (its catch-all route, infra/gateway.tmpl.yaml),
            // so shoppers see one origin and the container needs neither the gateway's address nor public ingress.
            var container = builder.AddDockerfile("web", webDirectory)
                .WithHttpEndpoint(targetPort: ContainerPort);
            return Upcast(container);
        }

        // Web:Port pins the storefront's port (the e2e harness starts the AppHost with a free port it chose).
        var port = int.TryParse(builder.Configuration["Web:Port"], out var configured) ? configured : (int?)null;
        // By default `npm start` (web/scripts/serve.mjs) builds the production bundle when the sources changed and serves
        // it, so the dashboard's URL shows the bundle shoppers get (minified, code-split, the size budget's). A developer
        // editing the storefront asks for the dev server: --Web:Mode dev (or Web__Mode=dev).
        var devServer = string.Equals(builder.Configuration["Web:Mode"], DevMode, StringComparison.OrdinalIgnoreCase);
        var web = builder.AddNpmApp("web", webDirectory, devServer ? "dev" : "start", port)
            .WithEnvironment("GATEWAY_URL", gateway.GetEndpoint("http"))
            // Healthy once it serves the app shell: the first start builds the bundle before it listens.
            .WithHttpHealthCheck("/")
            .WithReference(gateway)
            .WaitFor(gateway)
            .WithExternalHttpEndpoints();

        // If the Auth service's discovery document names the gateway's own origin, the browser calls it cross-origin
        // from the dev server: let the gateway's CORS policy admit the storefront's origin.
        gateway.WithEnvironment("Gateway__Cors__Origins__0", web.GetEndpoint("http"))
            .WithEnvironment("Gateway__Cors__Origins__1", ReferenceExpression.Create($"http://127.0.0.1:{web.GetEndpoint("http").Property(EndpointProperty.Port)}"));
        return Upcast(web);
    }

    /// <summary>
    /// Registers the dev server's sign-in callback and sign-out return addresses with the Auth service's public client
    /// <c>storefront</c>. Entry 0 of Auth:Storefront:RedirectUris / PostLogoutRedirectUris is the gateway-served
    /// storefront's (set with the issuer). In development the dev server listens on one port without a proxy in front
    /// (NpmAppExtensions), which the dashboard shows as <c>localhost</c> and Vite prints as <c>127.0.0.1</c> (the
    /// address vite.config.ts binds): entry 1 and 2 register both spellings, so a browser on either can sign in. An
    /// unregistered one ended sign-in on OpenIddict's invalid redirect_uri error.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithStorefrontClient(this IResourceBuilder<ProjectResource> auth, IResourceBuilder<IResourceWithEndpoints> web)
    {
        if (auth.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            // Deployed, the storefront is served through the gateway, whose callback is entry 0 already.
            return auth;
        }

        var endpoint = web.GetEndpoint("http");
        ReferenceExpression[] origins =
        [
            ReferenceExpression.Create($"{endpoint}"),
            ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.Port)}"),
        ];
        for (var i = 0; i < origins.Length; i++)
        {
            var origin = origins[i];
            auth.WithEnvironment($"Auth__Storefront__RedirectUris__{i + 1}", ReferenceExpression.Create($"{origin}/auth/callback"))
                .WithEnvironment($"Auth__Storefront__PostLogoutRedirectUris__{i + 1}", ReferenceExpression.Create($"{origin}/"));
        }

        return auth;
    }

    private static IResourceBuilder<IResourceWithEndpoints> Upcast<T>(IResourceBuilder<T> builder) where T : IResourceWithEndpoints =>
        builder.ApplicationBuilder.CreateResourceBuilder<IResourceWithEndpoints>(builder.Resource);
}
