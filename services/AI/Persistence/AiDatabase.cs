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
        // Databases made by EnsureCreated before migrations have model_versions but no history: adopted, not re-created.
        return builder.AddServiceDatabase<AiDbContext, IHostApplicationBuilder>(ConnectionName, adoptTable: "model_versions");
    }
}
