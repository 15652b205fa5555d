using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Clients;

/// <summary>Risk settings (section <c>Orders:Risk</c>).</summary>
public sealed class RiskOptions
{
    /// <summary>AI's address (<c>http://ai</c>, resolved by service discovery); called as this service (client credentials).</summary>
    [Required]
    public Uri BaseAddress { get; set; } = new("http://ai");

    /// <summary>An order whose score is at least this is held for review before capture.</summary>
    [Range(0.0, 1.0)]
    public double HoldThreshold { get; set; } = 0.5;

    /// <summary>
    /// How long checkout waits for AI before the fallback decides (the shopper is waiting). Bounds the resilience
    /// handler's retries too.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The fallback when AI cannot score: false places the order as usual (it is captured at once), true holds it for
    /// review. Either way the order records source <c>unavailable</c> and the metric counts it.
    /// </summary>
    public bool HoldWhenUnscored { get; set; }

    /// <summary>
    /// How long a held order may wait for a decision; then the timeout sweep cancels it (authorisation voided, stock
    /// released). Three days: well inside a card authorisation's life (Stripe: 7 days) and below Products'
    /// HeldReservationTtl, so neither the authorisation nor the reservation lapses under a held order.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "6.00:00:00")]
    public TimeSpan ReviewWindow { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>AI's verdict as checkout records it: no score when AI did not answer.</summary>
public sealed record RiskVerdict(double? Score, IReadOnlyList<string> Reasons, string Source, bool Hold);

/// <summary>
/// AI's risk endpoint (<c>POST /api/ai/risk</c>) as checkout uses it: before the order is placed, so the decision is
/// saved with the order and OrderPlaced in one transaction (no message to lose, and an idempotent repeat of the
/// checkout answers the stored order without scoring again). AI down, slow or refusing never fails a checkout: the
/// fallback (<see cref="RiskOptions.HoldWhenUnscored"/>) decides, a warning is logged and
/// <c>ecommerce.orders.risk.unscored</c> counts it.
/// </summary>
public sealed class RiskClient(HttpClient http, IOptions<RiskOptions> options, ILogger<RiskClient> logger)
{
    private static readonly Meter Meter = new("ECommerce.Orders");

    private static readonly Counter<long> Assessments = Meter.CreateCounter<long>(
        "ecommerce.orders.risk.assessments", "{order}", "Checkout risk assessments, by source (model, rules, unavailable) and whether the order was held.");

    private static readonly Counter<long> Unscored = Meter.CreateCounter<long>(
        "ecommerce.orders.risk.unscored", "{order}", "Checkouts AI could not score: the fallback decided.");

    private sealed record RiskRequest(string CustomerId, decimal Amount, string Currency, int LineCount, int OrdersLast24Hours);

    private sealed record RiskResponse(double Score, List<string>? Reasons, string? Source);

    public async Task<RiskVerdict> AssessAsync(
        string customerId, decimal amount, string currency, int lineCount, int ordersLast24Hours, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        RiskVerdict verdict;
        try
        {
            using var response = await http.PostAsJsonAsync("/api/ai/risk",
                new RiskRequest(customerId, amount, currency, lineCount, ordersLast24Hours), timeout.Token);
            response.EnsureSuccessStatusCode();
            var risk = await response.Content.ReadFromJsonAsync<RiskResponse>(timeout.Token)
                ?? throw new System.Text.Json.JsonException("AI answered no body.");
            verdict = new RiskVerdict(risk.Score, risk.Reasons ?? [], risk.Source ?? "model", risk.Score >= settings.HoldThreshold);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // Anything from a refused token to a timeout: the checkout goes on under the stated fallback.
            logger.LogWarning(e, "AI could not score a checkout for {CustomerId}; fallback {Fallback}", customerId,
                settings.HoldWhenUnscored ? "hold for review" : "do not hold");
            Unscored.Add(1);
            verdict = new RiskVerdict(null, [], "unavailable", settings.HoldWhenUnscored);
        }

        Assessments.Add(1, new KeyValuePair<string, object?>("ecommerce.risk.source", verdict.Source),
            new KeyValuePair<string, object?>("ecommerce.risk.held", verdict.Hold));
        return verdict;
    }
}
