namespace ECommerce.Orders.Domain;

/// <summary>The decision for one trigger in one status.</summary>
public enum TransitionKind
{
    /// <summary>The order moves to <see cref="TransitionOutcome.To"/>.</summary>
    Moved,

    /// <summary>A repeated, stale or out-of-order event: nothing changes.</summary>
    Ignored,

    /// <summary>A command that the status does not allow (e.g. cancelling a shipped order).</summary>
    Refused,

    /// <summary>
    /// Stock was reserved or a payment captured for an order that is already cancelled (it timed out or the customer
    /// cancelled first): the order stays cancelled and the reservation must be released / the charge refunded.
    /// </summary>
    Compensate,
}

public sealed record TransitionOutcome(TransitionKind Kind, OrderStatus From, OrderStatus To)
{
    public bool Moved => Kind == TransitionKind.Moved;
}
