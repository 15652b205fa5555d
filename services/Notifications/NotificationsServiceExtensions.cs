using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Clients;
using ECommerce.Notifications.Ingestion;
using ECommerce.Notifications.Persistence;
using ECommerce.Notifications.Sending;
using ECommerce.Notifications.Templates;
using ECommerce.Notifications.Webhooks;

namespace ECommerce.Notifications;

/// <summary>Registers the Notifications service: its database, the events it mails about, the sender and its neighbours.</summary>
public static class NotificationsServiceExtensions
{
    public const string DatabaseName = "notificationsdb";

    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, IHostApplicationBuilder>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Notifications:Smtp").ValidateDataAnnotations().ValidateOnStart();
        builder.AddNeighbourClients();

        builder.Services.AddSingleton<TemplateCatalog>();
        builder.Services.AddSingleton<MailRenderer>();
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddScoped<MailComposer>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailSender>());

        builder.Services.AddOptions<WebhookOptions>().BindConfiguration("Notifications:Webhooks");
        builder.Services.AddSingleton<WebhookAddressGuard>();
        builder.Services.AddScoped<WebhookQueue>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());

        builder.AddMessaging<NotificationsDbContext>(m => m
            .Subscribe<OrderPaid, OrderPaidHandler>()
            .Subscribe<PaymentFailed, PaymentFailedHandler>()
            .Subscribe<OrderShipped, OrderShippedHandler>()
            .Subscribe<OrderDelivered, OrderDeliveredHandler>()
            .Subscribe<PaymentRefunded, PaymentRefundedHandler>()
            .Subscribe<ReturnRequested, ReturnRequestedHandler>()
            .Subscribe<ReturnApproved, ReturnApprovedHandler>()
            .Subscribe<ReturnRejected, ReturnRejectedHandler>()
            .Subscribe<ReturnReceived, ReturnReceivedHandler>()
            .Subscribe<PasswordResetRequested, PasswordResetRequestedHandler>()
            .Subscribe<EmailConfirmationRequested, EmailConfirmationRequestedHandler>()
            .Subscribe<UserRegistered, UserRegisteredHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>());
        return builder;
    }
}
