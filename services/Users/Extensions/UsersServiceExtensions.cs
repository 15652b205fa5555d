using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Data;
using ECommerce.Users.Events;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Extensions;

/// <summary>Registers the Users service: its database, stores, migrations and the events it consumes.</summary>
public static class UsersServiceExtensions
{
    public const string DatabaseName = "usersdb";

    public static IHostApplicationBuilder AddUsersServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseName}' is missing (the AppHost provides it in every mode).");

        // Plain EF Core rather than the Aspire component: its health-check dependency needs a newer EF Core than the
        // 10.0.x the solution pins. Npgsql tracing and metrics come from ServiceDefaults either way.
        builder.Services.AddDbContext<UsersDbContext>(o => o.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: DatabaseName, tags: ["ready"]);
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
