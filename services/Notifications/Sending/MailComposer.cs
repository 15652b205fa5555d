using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Notifications.Clients;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using ECommerce.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace ECommerce.Notifications.Sending;

/// <summary>A mail that can never be sent (no address known, the order is gone): marked failed at once, not retried.</summary>
public sealed class UndeliverableMailException(string message) : Exception(message);

/// <summary>
/// Turns a queue row into a rendered mail and its recipient: reads the order from Orders (lines, totals, address,
/// a guest's address) and the account's address and language from Users, both as this service (client credentials).
/// A neighbour that cannot answer throws, and the sender retries later.
/// </summary>
public sealed class MailComposer(OrdersClient orders, UsersClient users, NotificationsDbContext db, MailRenderer renderer, IOptions<NotificationsOptions> options)
{
    public async Task<(string Recipient, RenderedMail Mail)> ComposeAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Deserialize<MailData>(mail.Data, JsonSerializerOptions.Web) ?? new MailData();
        OrderForMail? order = null;
        if (MailTemplates.IsAboutAnOrder(mail.Template) && mail.OrderId is { } orderId)
        {
            order = await orders.GetAsync(orderId, cancellationToken) ?? throw new UndeliverableMailException($"Orders does not know order {orderId}.");
            mail.CustomerId ??= order.CustomerId;
        }

        var recipient = mail.Recipient ?? order?.GuestEmail;
        var preference = mail.Language;
        string? name = data.Name;
        if (mail.CustomerId is { } customerId && order?.GuestEmail is null && mail.Template != MailTemplates.AccountDeleted)
        {
            var contact = await users.GetContactAsync(customerId, cancellationToken);
            if (contact is not null)
            {
                recipient ??= contact.Email;
                preference ??= contact.Language;
                name ??= contact.DisplayName;
                await RememberLanguageAsync(customerId, contact.Language, cancellationToken);
            }
        }

        if (string.IsNullOrWhiteSpace(recipient))
        {
            throw new UndeliverableMailException("No e-mail address is known for this mail's customer.");
        }

        var model = new MailModel(mail.Template, preference, name ?? order?.Order.ShippingAddress.Recipient, Values(mail, data, order, preference),
            order, OrderLink(order), data.Link, Tracking(mail, data));
        return (recipient, renderer.Render(model));
    }

    private Dictionary<string, string> Values(QueuedMail mail, MailData data, OrderForMail? order, string? preference)
    {
        var culture = renderer.CultureFor(preference);
        var values = new Dictionary<string, string>
        {
            ["number"] = order?.Number ?? "",
            ["reason"] = data.Reason ?? "",
            ["carrier"] = data.Carrier ?? "",
            ["returnNumber"] = data.ReturnId is { } returnId ? returnId.ToString("N")[^8..].ToUpperInvariant() : "",
            ["date"] = data.At?.ToString("f", culture) ?? "",
        };
        if (data.AmountMinor is { } minor && data.Currency is { } currency && Currencies.IsKnown(currency))
        {
            values["amount"] = Money.FromMinor(minor, currency).ToString("N" + Currencies.ExponentOf(currency), culture) + " " + currency;
        }

        if (mail.Template == MailTemplates.PaymentFailed)
        {
            // "@name": the language's own phrase of that name (MailRenderer).
            values["retryHint"] = data.CanRetry == true ? "@retryHint" : "@noRetryHint";
            values["reason"] = PaymentReasons.PhraseFor(data.Reason);
        }

        return values;
    }

    private string? OrderLink(OrderForMail? order)
    {
        if (order is null || options.Value.StorefrontUrl is not { } storefront)
        {
            return null;
        }

        var link = $"{storefront.ToString().TrimEnd('/')}/orders/{order.Id}";
        return order.GuestAccessToken is { } token ? $"{link}?access={Uri.EscapeDataString(token)}" : link;
    }

    private static TrackingInfo? Tracking(QueuedMail mail, MailData data) =>
        mail.Template == MailTemplates.OrderShipped && data.TrackingNumber is { } number ? new TrackingInfo(data.Carrier, number, data.TrackingUrl) : null;

    private async Task RememberLanguageAsync(string customerId, string language, CancellationToken cancellationToken)
    {
        if (await db.Contacts.FindAsync([customerId], cancellationToken) is { } contact && contact.Language != language)
        {
            contact.Language = language;
        }
    }
}
