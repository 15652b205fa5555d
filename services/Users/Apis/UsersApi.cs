namespace ECommerce.Users.Apis;

/// <summary>Maps the customer's own routes under <c>/api/users/me</c> and the admin routes under <c>/api/users</c>.</summary>
public static class UsersApi
{
    public static WebApplication MapUsersApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/users/me")
            .RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .RequireSubject()
            .WithTags("Account");
        me.MapProfileEndpoints();
        me.MapPreferencesEndpoints();
        me.MapAddressEndpoints();

        app.MapGroup("/api/users")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .WithTags("Admin")
            .MapAdminUserEndpoints();
        return app;
    }
}
