using ECommerce.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

var products = builder.AddProject<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb")
    .WithHttpHealthCheck("/health"); // ready only after its migrations and development seed

var gateway = builder.AddProject<Projects.ECommerce_Gateway>("gateway")
    .WithReference(products).WaitFor(products)
    .WithExternalHttpEndpoints();

builder.Build().Run();
