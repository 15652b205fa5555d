using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.ServiceBus;
using ECommerce.Messaging.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECommerce.Messaging;

/// <summary>The transports <c>Messaging:Transport</c> can name, and the one factory that makes them.</summary>
public static class MessagingTransports
{
    public const string Setting = "Messaging:Transport";
    public const string Postgres = "postgres";
    public const string ServiceBus = "servicebus";

    /// <summary>What is wrong with the setting's value, naming the setting; null when it names a transport.</summary>
    public static string? Problem(string? transport) => transport?.Trim().ToLowerInvariant() switch
    {
        Postgres or ServiceBus => null,
        null or "" => $"{Setting} is missing: set it to '{Postgres}' or '{ServiceBus}' (the AppHost sets it for local runs, the Container Apps templates in Azure).",
        _ => $"{Setting} is '{transport}', which is not a transport: use '{Postgres}' or '{ServiceBus}'.",
    };

    /// <summary>The transport named by <paramref name="transport"/> on the broker at <paramref name="connectionString"/>.</summary>
    public static IMessageTransport Create(string? transport, string connectionString, ILoggerFactory? loggerFactory = null)
    {
        if (Problem(transport) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        return transport!.Trim().Equals(ServiceBus, StringComparison.OrdinalIgnoreCase)
            ? new ServiceBusTransport(connectionString, loggerFactory.CreateLogger<ServiceBusTransport>())
            : new PostgresTransport(connectionString, loggerFactory.CreateLogger<PostgresTransport>());
    }
}
