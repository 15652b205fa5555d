namespace ECommerce.Gateway.Extensions;

/// <summary>
/// Paths the services expose for developers on their own machine and that the public edge never forwards, whatever
/// the environment: Auth's development mailbox holds password-reset links.
/// </summary>
public static class DevelopmentOnlyPaths
{
    private static readonly string[] Prefixes = ["/api/auth/dev"];

    /// <summary>Answers 404 for each prefix and everything under it; literal segments outrank the proxy's catch-all routes.</summary>
    public static IEndpointRouteBuilder MapDevelopmentOnlyPaths(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in Prefixes)
        {
            app.Map(prefix, () => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();
            app.Map(prefix + "/{**rest}", () => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }
}
