namespace ECommerce.Orders.Domain;

/// <summary>What can happen to an order: events from other services, a person's command, or the clock.</summary>
public enum OrderTrigger
{
    StockReserved,
    StockRejected,
    PaymentSucceeded,
    PaymentFailed,

    /// <summary>Payments authorised an order held for risk review and did not capture it (PaymentAuthorised).</summary>
    PaymentAuthorised,

    /// <summary>The back office rejected an order held for risk review: it is cancelled, its authorisation voided.</summary>
    ReviewReject,

    /// <summary>A payment failure the shopper can recover from by paying again (PaymentFailed with CanRetry).</summary>
    PaymentDeclined,

    /// <summary>The shopper pays an order awaiting payment again, with another method.</summary>
    PaymentRetry,
    CustomerCancel,
    /// <summary>A shipment that leaves nothing of the order to ship.</summary>
    Ship,

    /// <summary>A shipment of part of the order.</summary>
    ShipPart,
    Deliver,
    Timeout,
}

public static class OrderTriggerExtensions
{
    /// <summary>
    /// Events arrive at least once and in any order, so an event that does not fit is ignored; a person's command that
    /// does not fit is refused, so they can be told why.
    /// </summary>
    public static bool IsCommand(this OrderTrigger trigger) =>
        trigger is OrderTrigger.CustomerCancel or OrderTrigger.ReviewReject or OrderTrigger.PaymentRetry or OrderTrigger.Ship or OrderTrigger.ShipPart or OrderTrigger.Deliver;
}
