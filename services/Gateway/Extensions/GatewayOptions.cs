using System.ComponentModel.DataAnnotations;

namespace ECommerce.Gateway.Extensions;

/// <summary>Edge settings: the storefront's origins, request size limit and rate limits (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public CorsOptions Cors { get; set; } = new();

    public RateLimitingOptions RateLimiting { get; set; } = new();

    /// <summary>Origins allowed to call the API from a browser (the storefront's dev server; production is same-origin).</summary>
    public sealed class CorsOptions
    {
        public string[] Origins { get; set; } = [];
    }

    /// <summary>A fixed window per client (user id, else IP address) inside a global concurrency ceiling.</summary>
    public sealed class RateLimitingOptions
    {
        [Range(1, 1_000_000)]
        public int PermitsPerClientPerWindow { get; set; } = 600;

        /// <summary>
        /// Product pictures per client and window, counted apart from the API calls: a catalog page shows 24 cards and
        /// a product page its gallery, so a shopper browsing briskly fetches a few hundred a minute.
        /// </summary>
        [Range(1, 1_000_000)]
        public int ImagePermitsPerClientPerWindow { get; set; } = 3000;

        [Range(1, 3600)]
        public int WindowSeconds { get; set; } = 60;

        [Range(1, 100_000)]
        public int GlobalConcurrentRequests { get; set; } = 2000;

        [Range(0, 100_000)]
        public int GlobalQueueLength { get; set; } = 500;
    }
}
