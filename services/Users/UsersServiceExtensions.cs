using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Clients;
using ECommerce.Users.Ingestion;
using ECommerce.Users.Persistence;

namespace ECommerce.Users;

/// <summary>Registers the Users service: its database, stores, the Products client (the wishlist's live prices) and the events it consumes.</summary>
public static class UsersServiceExtensions
{
    public const string DatabaseName = "usersdb";

    public static IHostApplicationBuilder AddUsersServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<UsersDbContext, IHostApplicationBuilder>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ProfileStore>();
        builder.Services.AddScoped<AddressBook>();
        builder.Services.AddScoped<AccountEraser>();
        builder.Services.AddScoped<WishlistStore>();
        builder.AddProductsClient();

        builder.AddMessaging<UsersDbContext>(m => m
            .Subscribe<UserRegistered, UserRegisteredHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>());
        return builder;
    }
}
