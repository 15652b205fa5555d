using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Data;
using ECommerce.Users.Events;

namespace ECommerce.Users.Extensions;

/// <summary>Registers the Users service: its database, stores, migrations and the events it consumes.</summary>
public static class UsersServiceExtensions
{
    public const string DatabaseName = "usersdb";

    public static IHostApplicationBuilder AddUsersServices(this IHostApplicationBuilder builder)
    {

        // The Aspire component (pooled context, health check, tracing); no retrying execution strategy, because the
        // address book runs its own transactions, which a retrying strategy refuses.
        builder.AddNpgsqlDbContext<UsersDbContext>(DatabaseName, settings => settings.DisableRetry = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ProfileStore>();
        builder.Services.AddScoped<AddressBook>();
        builder.Services.AddScoped<AccountEraser>();

        // Before AddMessaging: hosted services start in order, and the inbox/outbox tables come from the migrations.
        builder.Services.AddHostedService<UsersDatabaseMigrator>();
        builder.AddMessaging<UsersDbContext>(m => m
            .Subscribe<UserRegistered, UserRegisteredHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>());
        return builder;
    }
}
