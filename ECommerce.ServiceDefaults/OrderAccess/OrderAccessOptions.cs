using System.ComponentModel.DataAnnotations;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>OrderAccess</c>: the key that signs guest order links, shared by Orders (signs and verifies) and Payments
/// (verifies). The AppHost generates it; deployed, it comes from Key Vault (docs/operations.md).
/// </summary>
public sealed class OrderAccessOptions
{
    public const string SectionName = "OrderAccess";

    /// <summary>Any secret text of 16 or more characters; the HMAC key is derived from it, so its length does not weaken the MAC.</summary>
    [Required]
    [MinLength(16)]
    public string SigningKey { get; set; } = "";

    /// <summary>How long a guest's order link works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}
