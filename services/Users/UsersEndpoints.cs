using ECommerce.Users.Account;
using ECommerce.Users.Addresses;
using ECommerce.Users.Admin;
using ECommerce.Users.Internal;
using ECommerce.Users.Preferences;
using ECommerce.Users.Profile;
using ECommerce.Users.Wishlist;

namespace ECommerce.Users;

/// <summary>Maps the customer's own routes under <c>/api/users/me</c> and the admin routes under <c>/api/users</c>.</summary>
public static class UsersEndpoints
{
    public static WebApplication MapUsersApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/users/me")
            .RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .RequireSubject()
            .WithTags("Account");
        me.MapProfileEndpoints();
        me.MapAccountEndpoints();
        me.MapPreferencesEndpoints();
        me.MapAddressEndpoints();
        me.MapWishlistEndpoints();

        app.MapGroup("/api/users")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .WithTags("Admin")
            .MapAdminUserEndpoints();

        app.MapInternalContactEndpoints();
        return app;
    }
}
