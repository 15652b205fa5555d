namespace ECommerce.Orders.Domain;

/// <summary>
/// Why a shipment or return command was refused: <see cref="Field"/> names the request field at fault (a 400), or
/// <see cref="Conflict"/> says the order's state does not allow it (a 409).
/// </summary>
public sealed record FulfilmentError(string Field, string Message, bool Conflict = false)
{
    public static FulfilmentError State(string message) => new("status", message, Conflict: true);
}
