using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class SchemaTests(UsersServiceFixture service)
{
    /// <summary>A model change without a migration (eng/UsersMigrations) would ship a schema the code does not expect.</summary>
    [Fact]
    public async Task The_migrations_describe_the_current_model_and_are_all_applied()
    {
        Assert.False(await service.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Empty(await service.QueryAsync(db => db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)));
    }
}
