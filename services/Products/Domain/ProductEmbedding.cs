namespace ECommerce.Products.Domain;

/// <summary>
/// A product's sentence embedding for semantic search, beside the product rather than in its row (like
/// <see cref="ProductRating"/>): writing it must not change the product's xmin, the admin's edit token. Every replica
/// loads these rows into its in-memory index and follows changes by <see cref="UpdatedAt"/>.
/// </summary>
public sealed class ProductEmbedding
{
    public Guid ProductId { get; set; }

    /// <summary>The L2-normalised vector (384 floats for all-MiniLM-L6-v2), so a dot product is the cosine similarity.</summary>
    public float[] Vector { get; set; } = [];

    /// <summary>Which model made <see cref="Vector"/>; another model's vectors are not comparable and are re-made.</summary>
    public required string Model { get; set; }

    /// <summary>SHA-256 of the text embedded: an event that changed nothing the text holds (a price) is not re-embedded.</summary>
    public required string TextHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
