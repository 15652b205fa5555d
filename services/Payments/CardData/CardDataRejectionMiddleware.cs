using ECommerce.ServiceDefaults;

namespace ECommerce.Payments.CardData;

/// <summary>
/// No card number or security code may reach this service: any request body under /api/payments that carries one is
/// refused with 400 before an endpoint sees it. Stripe's webhook is exempt — it is signature-checked, comes from
/// Stripe, and legitimately carries card metadata such as <c>card.last4</c>.
/// </summary>
public sealed class CardDataRejectionMiddleware(RequestDelegate next)
{
    /// <summary>Bodies above this are not scanned here; the gateway's body limit (1 MiB) bounds them anyway.</summary>
    private const int MaxScannedBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api/payments") || request.Path.StartsWithSegments("/api/payments/webhooks")
            || request.ContentLength == 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        if (buffer.Length == 0 || buffer.Length > MaxScannedBytes)
        {
            await next(context);
            return;
        }

        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (CardDataDetector.FindInJson(body) is not { } field)
        {
            await next(context);
            return;
        }

        var name = field == "$" ? "body" : field.TrimStart('$', '.');
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = ["Card numbers and security codes must never be sent to this service; use a payment method token from the provider."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request carries card data.",
            },
        });
    }
}
