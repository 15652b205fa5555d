using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Data;
using ECommerce.Payments.Events;
using ECommerce.Payments.Processing;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Payments.Providers.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Stripe;

namespace ECommerce.Payments.Extensions;

/// <summary>Everything Payments registers, so Program.cs stays composition only.</summary>
public static class PaymentsServiceExtensions
{
    public const string DatabaseName = "paymentsdb";

    public static IHostApplicationBuilder AddPaymentsServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseName}' is missing (the AppHost provides it).");
        // Plain Npgsql EF Core: the Aspire component needs EF Core 10.0.14, newer than the version this repository pins.
        builder.Services.AddDbContext<PaymentsDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
        builder.Services.AddHealthChecks().AddCheck<PaymentsDatabaseHealthCheck>(DatabaseName, HealthStatus.Unhealthy, ["ready"]);

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
        builder.Services.AddScoped<ProviderNotificationProcessor>();

        builder.AddMessaging<PaymentsDbContext>(m => m
            .Subscribe<OrderPlaced, OrderPlacedHandler>()
            .Subscribe<StockReserved, StockReservedHandler>()
            .Subscribe<OrderCancelled, OrderCancelledHandler>());
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

    private sealed class PaymentsDatabaseHealthCheck(PaymentsDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "The payments database is unreachable.");
    }
}
