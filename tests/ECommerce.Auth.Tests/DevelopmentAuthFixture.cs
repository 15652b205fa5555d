namespace ECommerce.Auth.Tests;

/// <summary>The same Auth service in the Development environment, for what exists only there (the mailbox endpoint).</summary>
public sealed class DevelopmentAuthFixture : AuthFixture
{
    protected override string EnvironmentName => "Development";
}
