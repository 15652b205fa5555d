namespace ECommerce.AI.Persistence;

/// <summary>Registers the AI database through the shared recipe (Aspire component, EF migrations at start).</summary>
public static class AiDatabase
{
    public const string ConnectionName = "aidb";

    public static IHostApplicationBuilder AddAiDatabase(this IHostApplicationBuilder builder)
    {
        // The service has always brought its own schema up at start in every environment (EnsureCreated, before
        // migrations), and hosts such as the security suite's rely on it: still the default, off only when configured.
        builder.Configuration[ServiceDatabaseExtensions.MigrateAtStartKey] ??= bool.TrueString;
        if (builder.Configuration.GetValue<bool>(ServiceDatabaseExtensions.MigrateAtStartKey))
        {
            // Registered before the recipe's migrator, so its StartingAsync runs first (they run in registration order).
            builder.Services.AddHostedService<EnsureCreatedBaseline>();
        }

        return builder.AddServiceDatabase<AiDbContext, IHostApplicationBuilder>(ConnectionName);
    }
}
