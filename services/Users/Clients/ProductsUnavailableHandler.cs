using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECommerce.Users.Clients;

/// <summary>A Products outage is nobody's mistake and worth a retry: 503 with Retry-After as problem details, not a 500.</summary>
public sealed class ProductsUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ProductsUnavailableException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request depends on is unavailable.",
                Detail = exception.Message,
            },
        });
    }
}

/// <summary>Registers the Products client (the wishlist's live prices) and its outage answer.</summary>
public static class ProductsClientSetup
{
    public static IHostApplicationBuilder AddProductsClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProductsAddress>().BindConfiguration("Users:Products").ValidateDataAnnotations().ValidateOnStart();
        // Service discovery and the standard resilience handler come from ServiceDefaults' HttpClient defaults.
        builder.Services.AddHttpClient<ProductsClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<ProductsAddress>>().Value.BaseAddress);
        builder.Services.AddExceptionHandler<ProductsUnavailableHandler>();
        return builder;
    }
}
