using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.MessageLog;

/// <summary>One mail in a customer's message log.</summary>
public sealed record MessageLogEntry(
    string Key, string Template, MailStatus Status, string? Recipient, string? Subject, Guid? OrderId, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The back office's view of what was mailed to a customer (<c>GET /api/notifications/admin/customers/{id}/messages</c>).</summary>
public static class MessageLogEndpoints
{
    public static IEndpointRouteBuilder MapMessageLog(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/notifications/admin").WithTags("Notifications")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .MapGet("/customers/{customerId}/messages", ListMessages);
        return routes;
    }

    /// <summary>Newest first; <c>cursor</c> continues from the last page's <c>next</c>.</summary>
    private static async Task<Results<Ok<Page<MessageLogEntry>>, ValidationProblem>> ListMessages(
        string customerId, string? cursor, int? limit, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(IsCustomerId(customerId), "customerId",
            "A customer id is an account id or a guest id (guest:…): at most 200 letters, digits and . _ : @ - characters.");

        var take = Paging.Limit(limit, errors);
        var after = Paging.Cursor<LogPosition>(cursor, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var query = db.Mails.AsNoTracking().Where(m => m.CustomerId == customerId);
        if (after is not null)
        {
            query = query.Where(m => m.CreatedAt < after.CreatedAt || (m.CreatedAt == after.CreatedAt && string.Compare(m.Key, after.Key) < 0));
        }

        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Key).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).Select(m => new MessageLogEntry(
            m.Key, m.Template, m.Status, m.Recipient, m.Subject, m.OrderId, m.Attempts, m.CreatedAt, m.SentAt,
            m.Status == MailStatus.Queued ? m.NextAttemptAt : null, m.LastError)).ToList();
        var next = rows.Count > take ? Paging.Encode(new LogPosition(items[^1].CreatedAt, items[^1].Key)) : null;
        return TypedResults.Ok(new Page<MessageLogEntry>(items, next));
    }

    /// <summary>Account ids and guest ids (<c>guest:</c> and a hash) use these characters only; anything else names no customer.</summary>
    private static bool IsCustomerId(string value) =>
        value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '@' or '-');

    private sealed record LogPosition(DateTimeOffset CreatedAt, string Key);
}
