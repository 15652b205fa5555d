namespace ECommerce.Auth.Html;

/// <summary>Where a sign-in or sign-up form may send the browser afterwards.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// Only same-site paths: an open redirect would let a phishing link bounce through our sign-in page. Control
    /// characters are refused too: browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example"
    /// (and LocalRedirect throws on them, which answered 500 after sign-up had already created the account).
    /// </summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/account";
}
