using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>Every line of the order is reserved until <see cref="ExpiresAt"/>.</summary>
[EventName("StockReserved")]
public sealed record StockReserved(Guid OrderId, Guid ReservationId, DateTimeOffset ExpiresAt) : IntegrationEvent;

/// <summary>A line that could not be met, with what was available.</summary>
public sealed record RejectedLine(Guid ProductId, int Requested, int Available);

/// <summary>The order cannot be reserved; nothing was held.</summary>
[EventName("StockRejected")]
public sealed record StockRejected(Guid OrderId, IReadOnlyList<RejectedLine> Lines) : IntegrationEvent;

/// <summary>A reservation was released (cancelled, payment failed or expired).</summary>
[EventName("StockReleased")]
public sealed record StockReleased(Guid OrderId, string Reason) : IntegrationEvent;

/// <summary>A product's price changed; carts show the new price.</summary>
[EventName("ProductPriceChanged")]
public sealed record ProductPriceChanged(Guid ProductId, decimal OldPrice, decimal NewPrice, string Currency) : IntegrationEvent;

/// <summary>A product's catalog data changed (name, description, category, active flag).</summary>
[EventName("ProductUpdated")]
public sealed record ProductUpdated(Guid ProductId, string Name, string Category, bool Active) : IntegrationEvent;
