using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Users.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no server is contacted).</summary>
public sealed class DesignTimeUsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UsersDbContext>().UseNpgsql("Host=localhost;Database=usersdb").Options);
}
