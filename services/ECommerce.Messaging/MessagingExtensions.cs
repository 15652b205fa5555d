using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Outbox;
using ECommerce.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Messaging;

/// <summary>
/// One call per service: the transport named by <c>Messaging:Transport</c> on the broker of the <c>messaging</c>
/// connection string, the outbox dispatcher and the consumers.
/// </summary>
public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder, Action<MessagingBuilder<TDbContext>>? configure = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (the AppHost provides it in every mode).");

        builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection(MessagingOptions.SectionName))
            .Configure(o => o.Subscription = string.IsNullOrWhiteSpace(o.Subscription) ? builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant() : o.Subscription)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<IMessageTransport>(sp => MessagingTransports.Create(
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Transport, connectionString, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("messaging",
            sp => new TransportHealthCheck(sp.GetRequiredService<IMessageTransport>()), HealthStatus.Unhealthy, ["ready"]));

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.ConfigureDbContext<TDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
        builder.Services.AddSingleton<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());
        builder.Services.AddSingleton<SubscriptionHost<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriptionHost<TDbContext>>());

        var messaging = new MessagingBuilder<TDbContext>(builder.Services);
        configure?.Invoke(messaging);
        messaging.Validate();
        return builder;
    }

    private sealed class TransportHealthCheck(IMessageTransport transport) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await transport.PingAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The message broker is unreachable.", e);
            }
        }
    }
}
