using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Auth.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the AppHost's connection string.</summary>
internal sealed class DesignTimeAuthDbContextFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuthDbContext>().UseNpgsql("Host=localhost;Database=authdb").Options);
}
