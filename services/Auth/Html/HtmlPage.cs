using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Auth.Html;

/// <summary>
/// The sign-in and sign-up pages as plain, accessible HTML: labelled fields, errors announced to screen readers and
/// linked to their field, no script. Everything user-supplied is HTML-encoded.
/// </summary>
public sealed class HtmlPage(string title)
{
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
        <title>{{Encode(title)}} · ECommerce</title>
        <style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}input{font:inherit;width:100%;padding:.4rem}button{font:inherit;padding:.5rem 1.2rem}[role=alert]{border:2px solid #b00020;padding:.5rem 1rem}</style>
        </head>
        <body><main><h1>{{Encode(title)}}</h1>
        {{_body}}</main></body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        statusCode);

    /// <summary>One labelled input.</summary>
    public sealed record Field(string Name, string Label, string Type = "text", string AutoComplete = "off", string? Value = null, bool Invalid = false);
}
