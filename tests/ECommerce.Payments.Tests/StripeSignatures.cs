using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Payments.Tests;

/// <summary>Stripe's webhook signature scheme, computed here independently of Stripe.net: v1 = HMAC-SHA256(secret, "{t}.{body}").</summary>
public static class StripeSignatures
{
    public static string Header(string payload, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }

    public static string PaymentIntentEvent(string type, string intentId, Guid orderId, long amount, string status, string? failureCode = null) =>
        $$"""
        {
          "id": "evt_{{Guid.NewGuid():N}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
          "livemode": false,
          "pending_webhooks": 1,
          "type": "{{type}}",
          "data": {
            "object": {
              "id": "{{intentId}}",
              "object": "payment_intent",
              "amount": {{amount}},
              "amount_received": {{(status == "succeeded" ? amount : 0)}},
              "currency": "eur",
              "status": "{{status}}",
              "metadata": { "order_id": "{{orderId}}" },
              "last_payment_error": {{(failureCode is null ? "null" : $$"""{ "type": "card_error", "code": "{{failureCode}}" }""")}}
            }
          }
        }
        """;

    public static string ChargeRefundedEvent(string intentId, long amount, long amountRefunded) =>
        $$"""
        {
          "id": "evt_{{Guid.NewGuid():N}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
          "livemode": false,
          "type": "charge.refunded",
          "data": {
            "object": {
              "id": "ch_{{Guid.NewGuid():N}}",
              "object": "charge",
              "amount": {{amount}},
              "amount_refunded": {{amountRefunded}},
              "currency": "eur",
              "payment_intent": "{{intentId}}",
              "refunded": {{(amount == amountRefunded ? "true" : "false")}},
              "metadata": {}
            }
          }
        }
        """;
}
