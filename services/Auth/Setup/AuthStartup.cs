namespace ECommerce.Auth.Setup;

/// <summary>Runs the seeder before the host starts listening, so no request ever sees a half-made database.</summary>
public static class AuthStartup
{
    public static async Task InitializeAuthAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuthSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }
}
