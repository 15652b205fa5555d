namespace ECommerce.AI.Domain;

/// <summary>
/// A cancelled order (from OrderCancelled). Kept apart from <see cref="PaidOrder"/> because the two events may arrive in
/// either order; a paid order with a cancellation marked WasPaid is the risk model's positive label.
/// </summary>
public sealed class OrderCancellation
{
    public Guid OrderId { get; set; }

    public string CustomerId { get; set; } = "";

    public string Reason { get; set; } = "";

    public bool WasPaid { get; set; }

    public DateTimeOffset CancelledAt { get; set; }
}
