using System.Net;
using System.Text;
using ECommerce.ServiceDefaults.Brand;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Auth.Html;

/// <summary>
/// The sign-in and sign-up pages as plain, accessible HTML: labelled fields, errors announced to screen readers and
/// linked to their field, no script. Everything user-supplied is HTML-encoded. They wear the store's brand from the
/// brand file the storefront and the e-mails read (<see cref="StoreBrand"/>): logo, colours, font, favicon, a link
/// back to the shop and the support address.
/// </summary>
public sealed class HtmlPage(string title)
{
    private static readonly StoreBrand Brand = StoreBrand.Current;

    // The storefront's look from the same brand file (colours, font, logo): a white header with the logo and a way
    // back to the shop, one card for the form, buttons in the accent colour; contrast as the storefront's (WCAG AA).
    private static readonly string Style =
        $":root{{--brand:{Brand.Colours.Brand};--brand-ink:{Brand.Colours.BrandInk};--accent:{Brand.Colours.Accent};--accent-ink:{Brand.Colours.AccentInk}}}" +
        "*{box-sizing:border-box}" +
        $"body{{margin:0;font:1.05rem/1.5 {Brand.FontStack};color:#1a1a1a;background:#f3f4f6}}" +
        "header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.75rem 1rem;background:#fff;border-bottom:3px solid var(--brand)}" +
        ".brand{display:inline-flex;align-items:center;gap:.4rem;font-weight:700;font-size:1.25rem;color:#1a1a1a;text-decoration:none}" +
        "main{width:calc(100% - 2rem);max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d1d5db;border-radius:.75rem}" +
        "h1{font-size:1.6rem;margin:0 0 1rem}a{color:var(--accent)}label{font-weight:600}" +
        "input{font:inherit;width:100%;padding:.45rem .6rem;min-height:2.5rem;border:1px solid #6b7280;border-radius:.375rem}" +
        "button{font:inherit;font-weight:600;padding:.5rem 1.2rem;min-height:2.5rem;border:1px solid var(--accent);border-radius:.375rem;background:var(--accent);color:var(--accent-ink);cursor:pointer}" +
        ":focus-visible{outline:3px solid var(--accent);outline-offset:2px}" +
        "[role=alert]{border:2px solid #b00020;border-radius:.375rem;padding:.5rem 1rem}" +
        "footer{padding:1rem;text-align:center;color:#4b5563;font-size:.9rem}";

    private static readonly string HeaderLogo = Brand.Logo.Replace("<svg ", "<svg width=\"28\" height=\"28\" aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);

    private readonly StringBuilder _body = new();

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    public HtmlPage Paragraph(string text, string? role = null)
    {
        _body.Append(role is null ? "<p>" : $"<p role=\"{role}\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public HtmlPage Errors(ValidationErrors? errors)
    {
        if (errors is { HasErrors: true })
        {
            _body.Append("<div role=\"alert\" id=\"errors\"><h2>Please check the form</h2><ul>\n");
            foreach (var message in errors.ToDictionary().SelectMany(e => e.Value.Select(m => (e.Key, m))))
            {
                _body.Append($"<li><a href=\"#{Encode(message.Key)}\">{Encode(message.m)}</a></li>\n");
            }

            _body.Append("</ul></div>\n");
        }

        return this;
    }

    public HtmlPage Form(HttpContext http, string action, string submitLabel, IEnumerable<Field> fields, IReadOnlyDictionary<string, string>? hidden = null)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        _body.Append($"<form method=\"post\" action=\"{Encode(action)}\" novalidate>\n");
        _body.Append($"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">\n");
        foreach (var (name, value) in hidden ?? new Dictionary<string, string>())
        {
            _body.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">\n");
        }

        foreach (var field in fields)
        {
            _body.Append($"<p><label for=\"{field.Name}\">{Encode(field.Label)}</label><br>")
                .Append($"<input id=\"{field.Name}\" name=\"{field.Name}\" type=\"{field.Type}\" autocomplete=\"{field.AutoComplete}\" required")
                .Append(field.Value is null ? "" : $" value=\"{Encode(field.Value)}\"")
                .Append(field.Invalid ? " aria-invalid=\"true\" aria-describedby=\"errors\"" : "")
                .Append("></p>\n");
        }

        _body.Append($"<p><button type=\"submit\">{Encode(submitLabel)}</button></p>\n</form>\n");
        return this;
    }

    public HtmlPage Link(string href, string text)
    {
        _body.Append($"<p><a href=\"{Encode(href)}\">{Encode(text)}</a></p>\n");
        return this;
    }

    public ContentHttpResult ToResult(int statusCode = StatusCodes.Status200OK) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · {{Brand.HtmlName}}</title>
        <link rel="icon" type="image/svg+xml" href="{{Encode(Brand.FaviconHref)}}">
        <meta name="theme-color" content="{{Encode(Brand.Colours.Brand)}}">
        <style>{{Style}}</style>
        </head>
        <body><header><a class="brand" href="/">{{HeaderLogo}} {{Brand.HtmlName}}</a> <a href="/">Back to the shop</a></header>
        <main><h1>{{Encode(title)}}</h1>
        {{_body}}</main>
        <footer>Questions? Write to <a href="mailto:{{Encode(Brand.SupportEmail)}}">{{Encode(Brand.SupportEmail)}}</a>.</footer></body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        statusCode);

    /// <summary>One labelled input.</summary>
    public sealed record Field(string Name, string Label, string Type = "text", string AutoComplete = "off", string? Value = null, bool Invalid = false);
}
