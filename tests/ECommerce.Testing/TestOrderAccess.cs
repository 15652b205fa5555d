using System.Security.Cryptography;

namespace ECommerce.Testing;

/// <summary>The guest-order-link signing key of this test run (<c>OrderAccess:SigningKey</c>), made fresh per run.</summary>
public static class TestOrderAccess
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
