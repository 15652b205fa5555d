namespace ECommerce.Orders.Model;

/// <summary>What Products says about a product now (its lookup answer).</summary>
public sealed record ProductSnapshot(Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, [property: System.Text.Json.Serialization.JsonConverter(typeof(ECommerce.Orders.Clients.AvailabilityConverter))] bool Available, bool Active, string? ImageUrl);
