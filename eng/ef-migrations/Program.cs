// Scaffolds a migration for ProductsDbContext the way `dotnet ef migrations add` would, through EF Core's
// design-time services. Usage: dotnet run -c Release --project eng/ef-migrations -- <Name> services/Products
using ECommerce.Products.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ef-migrations <MigrationName> <path to services/Products>");
    return 1;
}

var (name, projectDir) = (args[0], Path.GetFullPath(args[1]));
// No connection is opened: scaffolding compares the model with the last snapshot.
var options = new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql("Host=localhost").Options;
using var db = new ProductsDbContext(options);
var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "ECommerce.Products", "Data.Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations"));
Console.WriteLine(files.MigrationFile);
Console.WriteLine(files.SnapshotFile);
return 0;
