using ECommerce.Auth.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Auth.Apis;

/// <summary>Development only: read the mail the development mailbox "sent", newest first.</summary>
public static class DevelopmentMailboxApi
{
    public static IEndpointRouteBuilder MapDevelopmentMailbox(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DevelopmentMailbox>() is null)
        {
            return app;
        }

        app.MapGet("/api/auth/dev/mailbox", Results<Ok<IReadOnlyList<MailboxMessage>>, ValidationProblem> (string? email, DevelopmentMailbox mailbox) =>
            string.IsNullOrWhiteSpace(email)
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Name the mailbox to read."] })
                : TypedResults.Ok(mailbox.For(email)))
            .AllowAnonymous()
            .WithTags("Development");
        return app;
    }
}
