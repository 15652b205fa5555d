using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Payments.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no server is contacted).</summary>
public sealed class DesignTimePaymentsDbContextFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaymentsDbContext>().UseNpgsql("Host=localhost;Database=paymentsdb").Options);
}
