using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.AI.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no server is contacted).</summary>
public sealed class DesignTimeAiDbContextFactory : IDesignTimeDbContextFactory<AiDbContext>
{
    public AiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AiDbContext>().UseNpgsql("Host=localhost;Database=aidb").Options);
}
