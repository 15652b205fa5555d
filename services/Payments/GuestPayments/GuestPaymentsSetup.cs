namespace ECommerce.Payments.GuestPayments;

/// <summary>What guest payments need: the shared verifier of order links (<c>OrderAccess:SigningKey</c>, checked at start).</summary>
public static class GuestPaymentsSetup
{
    public static IHostApplicationBuilder AddGuestPayments(this IHostApplicationBuilder builder) => builder.AddOrderAccess();
}
