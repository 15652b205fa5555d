using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Microsoft.Extensions.Hosting;

/// <summary>RFC 7807 for every error: unhandled exceptions, status-code pages and malformed request bodies alike.</summary>
public static class ProblemDetailsDefaults
{
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DependencyUnavailableHandler>();
        // Outside Development minimal APIs answer an unreadable body with a bare 400; throwing lets the handler below
        // name the field at fault in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IServiceCollection AddDefaultJsonOptions(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // A client's unknown fields are ignored; a number where a string belongs is an error, not a guess.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // {"quantity":1,"quantity":-5}: a proxy or validator reading the first value and this service the last is a
            // classic way past checks; one meaning per body, so a repeated key is refused.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new SafeStringConverter());
        });
        return services;
    }

    /// <summary>Exception handler, status-code pages and problem details in the order that makes each work.</summary>
    public static IApplicationBuilder UseDefaultProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Minimal APIs throw BadHttpRequestException for unreadable JSON, wrong content types and bodies over the limit;
    /// those are the client's mistake and get a 4xx problem naming what was wrong, never a 500.
    /// </summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            context.Response.StatusCode = bad.StatusCode;
            var problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status415UnsupportedMediaType => "The request's content type is not supported.",
                    _ => "The request could not be read.",
                },
                Detail = bad.InnerException is JsonException json ? Describe(json) : bad.Message,
            };
            if (bad.InnerException is JsonException { Path: { } path })
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = [Describe((JsonException)bad.InnerException)] };
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        }

        private static string Describe(JsonException json) =>
            json.Path is { Length: > 1 } ? $"The value at '{json.Path}' is not valid." : "The body is not valid JSON.";
    }
}
