using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Authentication;
using ECommerce.Payments.Charging;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Payments.Providers.Stripe;
using ECommerce.Payments.Refunds;
using ECommerce.Payments.Webhooks;
using Microsoft.Extensions.Options;
using Stripe;

namespace ECommerce.Payments;

/// <summary>Everything Payments registers, so Program.cs stays composition only.</summary>
public static class PaymentsServiceExtensions
{
    public const string DatabaseName = "paymentsdb";

    public static IHostApplicationBuilder AddPaymentsServices(this IHostApplicationBuilder builder)
    {
        // Databases made before migrations (EnsureCreated plus the ledger trigger) are adopted, not re-created.
        builder.AddServiceDatabase<PaymentsDbContext, IHostApplicationBuilder>(DatabaseName, adoptTable: "payments");

        // Stripe's webhook reports a payment that already happened: never shed (Stripe would only retry it later).
        builder.Services.Configure<OverloadOptions>(o => o.ExemptPaths.Add(StripeWebhookEndpoints.PathPrefix));

        builder.Services.AddOptions<PaymentsOptions>()
            .Bind(builder.Configuration.GetSection(PaymentsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(PaymentsOptions.SectionName).Get<PaymentsOptions>() ?? new PaymentsOptions();
        if (options.UseStripe)
        {
            builder.Services.AddSingleton<IStripeClient>(sp => CreateStripeClient(sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Stripe));
            builder.Services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        }
        else
        {
            builder.Services.AddSingleton<SimulatedNotificationScheduler>();
            builder.Services.AddSingleton<SimulatedPaymentProvider>();
            builder.Services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SimulatedPaymentProvider>());
        }

        builder.Services.AddScoped<PaymentCharger>();
        builder.Services.AddScoped<PaymentRefunder>();
        builder.Services.AddScoped<PaymentAuthenticator>();
        builder.Services.AddScoped<ProviderNotificationProcessor>();
        builder.Services.AddScoped<IProviderNotificationProcessor>(sp => sp.GetRequiredService<ProviderNotificationProcessor>());

        builder.AddMessaging<PaymentsDbContext>(m => m
            .Subscribe<OrderPlaced, OrderPlacedHandler>()
            .Subscribe<StockReserved, StockReservedHandler>()
            .Subscribe<OrderPaymentRetried, OrderPaymentRetriedHandler>()
            .Subscribe<OrderReviewApproved, OrderReviewApprovedHandler>()
            .Subscribe<OrderCancelled, OrderCancelledHandler>()
            .Subscribe<RefundRequested, RefundRequestedHandler>()
            .Subscribe<EmailVerified, GuestPayments.EmailVerifiedHandler>());
        return builder;
    }

    /// <summary>
    /// Stripe.net with its own retries (it honours Stripe-Should-Retry and reuses the idempotency key). Its HttpClient is
    /// made here rather than by IHttpClientFactory so the default resilience handler does not retry on top of Stripe's.
    /// </summary>
    public static StripeClient CreateStripeClient(StripeOptions stripe, HttpClient? httpClient = null) => new(new StripeClientOptions
    {
        ApiKey = stripe.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            stripe.MaxNetworkRetries),
    });
}
