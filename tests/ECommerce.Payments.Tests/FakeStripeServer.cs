using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ECommerce.Payments.Tests;

/// <summary>
/// A small stand-in for Stripe's HTTP API on a loopback port: payment intents (create+confirm, retrieve, capture, cancel)
/// and refunds,
/// answering Stripe-shaped JSON and Stripe-shaped errors, and replaying the stored response for a repeated
/// Idempotency-Key as Stripe does. Every request is recorded so tests can check what the client sent.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _byIdempotencyKey = new();
    private readonly ConcurrentDictionary<string, long> _intentAmounts = new();
    private readonly ConcurrentDictionary<string, string> _intentStatuses = new();
    private int _nextId;

    private FakeStripeServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int IntentsCreated => _intentAmounts.Count;

    public string BaseUrl => _app.Urls.First();

    public static async Task<FakeStripeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeStripeServer(app);
        app.MapPost("/v1/payment_intents", (HttpRequest r) => server.Answer(r, server.CreateIntent));
        app.MapPost("/v1/payment_intents/{id}/capture", (HttpRequest r, string id) => server.Answer(r, form => server.Capture(id, form)));
        app.MapPost("/v1/payment_intents/{id}/cancel", (HttpRequest r, string id) => server.Answer(r, _ => server.Cancel(id)));
        app.MapGet("/v1/payment_intents/{id}", (string id) => server.Retrieve(id));
        app.MapPost("/v1/refunds", (HttpRequest r) => server.Answer(r, server.Refund));
        await app.StartAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>What Stripe.js's handleNextAction leaves behind: the bank approved (funds held) or refused the check.</summary>
    public void FinishAuthentication(string intentId, bool approved) =>
        _intentStatuses[intentId] = approved ? "requires_capture" : "requires_payment_method";

    private async Task<IResult> Answer(HttpRequest request, Func<IFormCollection, (int Status, object Body)> handle)
    {
        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue(new RecordedRequest(request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString()), key,
            request.Headers.Authorization.ToString()));
        var (status, body) = string.IsNullOrEmpty(key)
            ? Serialize(handle(form))
            : _byIdempotencyKey.GetOrAdd(key, _ => Serialize(handle(form)));
        return Results.Text(body, "application/json", statusCode: status);
    }

    private static (int, string) Serialize((int Status, object Body) answer) => (answer.Status, JsonSerializer.Serialize(answer.Body));

    private (int, object) CreateIntent(IFormCollection form)
    {
        var id = $"pi_fake_{Interlocked.Increment(ref _nextId)}";
        var amount = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture);
        _intentAmounts[id] = amount;
        object Intent(string status)
        {
            _intentStatuses[id] = status;
            return IntentBody(id, status, form["currency"].ToString());
        }

        object CardError(string code, string message) => new
        {
            error = new { type = "card_error", code, decline_code = code == "card_declined" ? "generic_decline" : null, message, payment_intent = Intent("requires_payment_method") },
        };

        return form["payment_method"].ToString() switch
        {
            "pm_card_visa" => (200, Intent("requires_capture")),
            "pm_card_chargeDeclined" => (402, CardError("card_declined", "Your card was declined.")),
            // Off-session Stripe declines a card that needs the bank's check; with the shopper present it asks for the check.
            "pm_card_authenticationRequired" when form["off_session"] == "true" =>
                (402, CardError("authentication_required", "Your card requires authentication.")),
            "pm_card_authenticationRequired" or "pm_card_threeDSecure" => (200, Intent("requires_action")),
            "pm_rate_limited" => (429, new { error = new { type = "invalid_request_error", code = "rate_limit", message = "Too many requests." } }),
            "pm_server_error" => (500, new { error = new { type = "api_error", message = "Something went wrong on Stripe's end." } }),
            _ => (400, new { error = new { type = "invalid_request_error", code = "resource_missing", param = "payment_method", message = "No such PaymentMethod." } }),
        };
    }

    private object IntentBody(string id, string status, string currency = "eur") => new
    {
        id,
        @object = "payment_intent",
        amount = _intentAmounts[id],
        amount_capturable = status == "requires_capture" ? _intentAmounts[id] : 0,
        amount_received = 0,
        currency,
        status,
        client_secret = $"{id}_secret_fake",
        capture_method = "manual",
        last_payment_error = status == "requires_payment_method" ? new { code = "payment_intent_authentication_failure", type = "card_error" } : null,
    };

    private IResult Retrieve(string id) => _intentStatuses.TryGetValue(id, out var status)
        ? Results.Text(JsonSerializer.Serialize(IntentBody(id, status)), "application/json")
        : Results.Text("""{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such payment_intent."}}""", "application/json", statusCode: 404);

    private (int, object) Cancel(string id)
    {
        _intentStatuses[id] = "canceled";
        return (200, IntentBody(id, "canceled"));
    }

    private (int, object) Capture(string id, IFormCollection form)
    {
        var amount = long.Parse(form["amount_to_capture"]!, System.Globalization.CultureInfo.InvariantCulture);
        return (200, new { id, @object = "payment_intent", amount = _intentAmounts[id], amount_received = amount, currency = "eur", status = "succeeded" });
    }

    private (int, object) Refund(IFormCollection form)
    {
        var intent = form["payment_intent"].ToString();
        var amount = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (!_intentAmounts.TryGetValue(intent, out var charged) || amount > charged)
        {
            return (400, new { error = new { type = "invalid_request_error", code = "amount_too_large", param = "amount", message = "Refund amount is greater than unrefunded amount." } });
        }

        return (200, new { id = $"re_fake_{Interlocked.Increment(ref _nextId)}", @object = "refund", amount, payment_intent = intent, status = "succeeded", currency = "eur" });
    }
}

/// <summary>One request as the fake received it: form fields as Stripe.net encodes them (<c>metadata[order_id]</c>).</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Form, string IdempotencyKey, string Authorization);
