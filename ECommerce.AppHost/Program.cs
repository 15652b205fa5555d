using ECommerce.AppHost.Authentication;
using ECommerce.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

// The OpenID Connect provider; its issuer is the gateway's public URL (set below, once the gateway exists).
var auth = builder.AddProject<Projects.ECommerce_Auth>("auth")
    .WithInfrastructure(infra, database: "authdb");

var products = builder.AddProject<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb")
    .WithAuthentication(auth);

var gateway = builder.AddProject<Projects.ECommerce_Gateway>("gateway")
    .WithReference(auth).WaitFor(auth)
    .WithReference(products).WaitFor(products)
    .WithAuthentication(auth)
    .WithExternalHttpEndpoints();

auth.WithPublicIssuer(gateway);

builder.Build().Run();
