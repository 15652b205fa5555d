namespace ECommerce.Payments.Domain;

/// <summary>Where an order's payment stands. Only <see cref="Pending"/> may be charged, which is what makes a charge happen once.</summary>
public enum PaymentStatus
{
    /// <summary>Recorded from OrderPlaced; waiting for the stock reservation.</summary>
    Pending,

    /// <summary>The provider accepted the payment but settles it later (a webhook tells us how it ended).</summary>
    Processing,

    /// <summary>Funds held at the provider, not yet captured.</summary>
    Authorised,

    /// <summary>Money taken; refunds may follow (partial refunds keep this status).</summary>
    Captured,

    /// <summary>Everything captured has been refunded.</summary>
    Refunded,

    /// <summary>Declined, needed authentication the customer was not there to give, or failed after processing.</summary>
    Failed,

    /// <summary>The order was cancelled before it was charged; it never will be.</summary>
    Cancelled,
}
