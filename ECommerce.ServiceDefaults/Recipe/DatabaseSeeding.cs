using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Data a service's database must hold for the service to work (roles, OAuth clients, an administrator): run after
/// every migration of <typeparamref name="TDb"/>, at start or in the migration step, so it must be idempotent.
/// Register it scoped: <c>services.AddScoped&lt;IDatabaseSeeder&lt;MyDb&gt;, MySeeder&gt;()</c>.
/// </summary>
public interface IDatabaseSeeder<TDb>
    where TDb : DbContext
{
    Task SeedAsync(CancellationToken ct);
}

/// <summary>One database that <see cref="ServiceDatabaseExtensions.AddServiceDatabase{TDb, TBuilder}"/> registered, as the migration step runs it.</summary>
public sealed record ServiceDatabaseMigration(string Name, Func<IServiceProvider, CancellationToken, Task> MigrateAsync);
