namespace ECommerce.Gateway.Extensions;

/// <summary>
/// In production the gateway serves the built storefront (web/dist copied to wwwroot) from the same origin as the API,
/// with client-side routes falling back to index.html. Under the AppHost the storefront's own server (vite preview, or
/// the Vite dev server) does this instead.
/// </summary>
internal static class Storefront
{
    public static WebApplication MapStorefront(this WebApplication app)
    {
        var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            return app;
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Unknown /api paths stay 404 problem details rather than returning the HTML shell.
        app.MapFallbackToFile("{*path:regex(^(?!api/).*$)}", "index.html").AllowAnonymous();
        return app;
    }
}
