using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Products.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no server is contacted).</summary>
public sealed class DesignTimeProductsDbContextFactory : IDesignTimeDbContextFactory<ProductsDbContext>
{
    public ProductsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql("Host=localhost;Database=productsdb").Options);
}
