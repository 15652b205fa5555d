using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ECommerce.Notifications.Webhooks;

/// <summary>
/// Refuses webhook URLs that would make this service call inside the network (server-side request forgery): a host
/// that resolves to a loopback, private, link-local, unique-local, CGNAT or unspecified address, outside Development.
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    private bool AllowPrivate => options.Value.AllowPrivateAddresses ?? environment.IsDevelopment();

    /// <summary>Null when the URL may be called, else why not.</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("https" or "http") || !url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return "An absolute http(s) URL without credentials is required.";
        }

        if (AllowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.Host, cancellationToken);
        }
        catch (SocketException)
        {
            return "The host does not resolve.";
        }

        return addresses.Length == 0 ? "The host does not resolve."
            : addresses.Any(IsInternal) ? "The host resolves to a private, loopback or link-local address."
            : null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
