using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Auth.Email;

/// <summary>Development only: read the mail the development mailbox "sent", newest first.</summary>
public static class DevelopmentMailboxEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentMailbox(this IEndpointRouteBuilder app)
    {
        // Reset links are account takeovers in waiting: outside Development the endpoint does not exist at all, even when
        // Auth:DevelopmentMailbox keeps mail in memory for tests (they read the mailbox from the container instead).
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() || app.ServiceProvider.GetService<DevelopmentMailbox>() is null)
        {
            return app;
        }

        app.MapGet("/api/auth/dev/mailbox", Results<Ok<IReadOnlyList<MailboxMessage>>, ValidationProblem> (string? email, DevelopmentMailbox mailbox) =>
            string.IsNullOrWhiteSpace(email)
                ? ValidationErrors.Problem("email", "Name the mailbox to read.")
                : TypedResults.Ok(mailbox.For(email)))
            .AllowAnonymous()
            .AddEndpointFilter(DirectLoopbackCallersOnly)
            .WithTags("Development");
        return app;
    }

    /// <summary>
    /// Only a process on this machine talking to Auth directly (a developer's curl, a test) may read the mailbox. Anything
    /// that came through a proxy is refused, whatever address it claims: the gateway's X-Forwarded-For names the browser,
    /// which on a developer's machine is loopback too. Refusals read as 404, like the endpoint that does not exist.
    /// </summary>
    private static ValueTask<object?> DirectLoopbackCallersOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var proxied = http.Request.Headers.Keys.Any(name =>
            name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase));
        return !proxied && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.NotFound());
    }
}
