using System.Net;
using System.Text.RegularExpressions;

namespace ECommerce.Testing.Oidc;

/// <summary>
/// A browser stand-in over real HTTP: one cookie jar, redirects followed by hand so tests can see each hop, forms
/// posted with the antiforgery token the page carried. Redirects stop at another site or at
/// <paramref name="callbackPath"/> (the OAuth client's redirect URI, whose code the caller reads).
/// </summary>
public sealed partial class Browser(Uri baseAddress, string callbackPath = "/test-callback") : IDisposable
{
    private readonly HttpClient _client = new(
        new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    { BaseAddress = baseAddress };

    public Task<HttpResponseMessage> GetAsync(string url, CancellationToken ct) => _client.GetAsync(url, ct);

    /// <summary>Follows redirects while they stay on this site; returns the last response (a page, or a redirect elsewhere).</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, CancellationToken ct)
    {
        for (var hops = 0; hops < 10 && IsRedirect(response); hops++)
        {
            var location = Location(response);
            if (location.IsAbsoluteUri && location.GetLeftPart(UriPartial.Authority) != _client.BaseAddress!.GetLeftPart(UriPartial.Authority))
            {
                return response;
            }

            if (location.IsAbsoluteUri && location.AbsolutePath == callbackPath)
            {
                return response;
            }

            response.Dispose();
            response = await _client.GetAsync(location, ct);
        }

        return response;
    }

    /// <summary>Fills the page's form: its hidden fields (antiforgery, return URL) plus the given values, and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IDictionary<string, string> values, CancellationToken ct)
    {
        var fields = HiddenFields(page);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await _client.PostAsync(action, new FormUrlEncodedContent(fields), ct);
    }

    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    public static Uri Location(HttpResponseMessage response) =>
        response.Headers.Location ?? throw new InvalidOperationException($"No Location on {(int)response.StatusCode}.");

    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
