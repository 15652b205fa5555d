namespace ECommerce.Payments.Domain;

/// <summary>Where an order's payment stands. Only <see cref="Pending"/> may be charged, which is what makes a charge happen once.</summary>
public enum PaymentStatus
{
    /// <summary>Recorded from OrderPlaced; waiting for the stock reservation.</summary>
    Pending,

    /// <summary>The provider accepted the payment but settles it later (a webhook tells us how it ended).</summary>
    Processing,

    /// <summary>
    /// The shopper's bank asks them to confirm (3-D Secure): the storefront completes the challenge with the provider
    /// (Stripe.js, or the simulated challenge) and then asks Payments to finish the charge.
    /// </summary>
    RequiresAction,

    /// <summary>
    /// Funds held at the provider, not yet captured: for a moment during a charge, or until the back office decides an
    /// order held for risk review (<see cref="Payment.HoldForReview"/>).
    /// </summary>
    Authorised,

    /// <summary>Money taken; refunds may follow (partial refunds keep this status).</summary>
    Captured,

    /// <summary>Everything captured has been refunded.</summary>
    Refunded,

    /// <summary>Declined, failed or abandoned its 3-D Secure check, or failed after processing; a retry starts the next attempt.</summary>
    Failed,

    /// <summary>The order was cancelled before it was charged; it never will be.</summary>
    Cancelled,
}
