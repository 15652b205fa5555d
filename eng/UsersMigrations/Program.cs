using ECommerce.Users.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run --project eng/UsersMigrations -- <MigrationName>
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project eng/UsersMigrations -- <MigrationName>");
    return 2;
}

var projectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../services/Users"));
var assembly = typeof(UsersDbContext).Assembly;
// The scaffolder only reads the model; the connection string is never opened.
using var context = new UsersDbContext(new DbContextOptionsBuilder<UsersDbContext>().UseNpgsql("Host=unused").Options);
var reporter = new OperationReporter(new OperationReportHandler(
    e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), _ => { }));
var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "ECommerce.Users", "Data.Migrations", "C#");
var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Data", "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}, {files.MetadataFile} and {files.SnapshotFile}");
return 0;
