using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ECommerce.Notifications.Clients;
using ECommerce.Notifications.Domain;
using ECommerce.ServiceDefaults.Brand;

namespace ECommerce.Notifications.Templates;

/// <summary>
/// Lays a <see cref="MailModel"/> out as HTML and plain text from the language's texts: the order's number (mails
/// about an order), greeting, the template's paragraphs, then the blocks its kind shows (order lines and totals,
/// address and delivery estimate, tracking), the action link and the signature. Every value is HTML-encoded in the
/// HTML body. The store's name, colours and font come from the brand file the storefront and the Auth pages read
/// (<see cref="StoreBrand"/>): a header band in the brand colour with the name, buttons in the accent colour, the
/// name in the signature and footer (<c>{store}</c> in the texts), and the support address. The header is text, not
/// the SVG logo: the common mail clients (Gmail, Outlook) do not show SVG.
/// </summary>
public sealed partial class MailRenderer(TemplateCatalog catalog)
{
    private static readonly StoreBrand Brand = StoreBrand.Current;

    /// <summary>The template language used for a shopper's preference.</summary>
    public string LanguageFor(string? preference) => catalog.Choose(preference);

    /// <summary>How the language chosen for a preference writes dates and amounts.</summary>
    public System.Globalization.CultureInfo CultureFor(string? preference) => catalog.CultureFor(catalog.Choose(preference));

    public RenderedMail Render(MailModel model)
    {
        var language = catalog.Choose(model.Preference);
        var culture = catalog.CultureFor(language);
        var texts = catalog.For(language);
        var template = texts.Templates[model.Template];
        string Fill(string text) => Placeholder().Replace(text, m =>
            model.Values.TryGetValue(m.Groups[1].Value, out var value)
                ? (value.StartsWith('@') && texts.Common.TryGetValue(value[1..], out var phrase) ? phrase : value)
            : texts.Common.TryGetValue(m.Groups[1].Value, out var common) ? common
            : m.Value);

        var html = new StringBuilder();
        var text = new StringBuilder();
        if (model.Order is { } about)
        {
            // Every mail about an order opens with its number, the one the shopper quotes on the phone ("Order 100 245").
            var heading = texts.Common["order"].Replace("{number}", about.Number, StringComparison.Ordinal);
            html.Append("<h1 style=\"font-size:20px\">").Append(Encode(heading)).Append("</h1>\n");
            text.Append(heading).Append("\n\n");
        }

        var greeting = model.Name is { Length: > 0 } name ? texts.Common["greeting"].Replace("{name}", name, StringComparison.Ordinal) : texts.Common["greetingNoName"];
        Paragraph(html, text, greeting);
        foreach (var paragraph in template.Body)
        {
            Paragraph(html, text, Fill(paragraph));
        }

        if (model.Tracking is { } tracking)
        {
            WriteTracking(html, text, tracking, texts.Common);
        }

        if (model.Order is { } order && model.Template == MailTemplates.OrderConfirmation)
        {
            WriteLines(html, text, order, texts.Common, culture);
            WriteDelivery(html, text, order, texts.Common, culture);
        }

        if (model.ActionLink is { } action)
        {
            Link(html, text, template.Action ?? texts.Common["viewOrder"], action);
        }
        else if (model.OrderLink is { } orderLink)
        {
            Link(html, text, texts.Common["viewOrder"], orderLink);
        }

        string Store(string key) => texts.Common[key].Replace("{store}", Brand.Name, StringComparison.Ordinal);
        Paragraph(html, text, Store("signature"));
        var subject = Fill(template.Subject);
        var c = Brand.Colours;
        var page = $"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="margin:0;padding:16px 0;background:#f3f4f6;font-family:{Encode(Brand.FontStack)};color:#222">
            <div style="max-width:600px;margin:0 auto;background:#fff">
            <div style="background:{c.Brand};color:{c.BrandInk};padding:16px 20px;font-size:22px;font-weight:bold">{Brand.HtmlName}</div>
            <div style="padding:16px 20px">
            {html}<hr><p style="font-size:12px;color:#666">{Encode(Store("footer"))} {Encode(texts.Common["contact"])} <a href="mailto:{Encode(Brand.SupportEmail)}" style="color:{c.Accent}">{Encode(Brand.SupportEmail)}</a></p>
            </div></div>
            </body></html>
            """;
        text.Append("--\n").Append(Store("footer")).Append(' ').Append(texts.Common["contact"]).Append(' ').Append(Brand.SupportEmail).Append('\n');
        return new RenderedMail(subject, page, text.ToString(), language);
    }

    private static void WriteTracking(StringBuilder html, StringBuilder text, TrackingInfo tracking, Dictionary<string, string> common)
    {
        if (tracking.Carrier is { Length: > 0 } carrier)
        {
            Paragraph(html, text, $"{common["carrier"]}: {carrier}");
        }

        Paragraph(html, text, $"{common["trackingNumber"]}: {tracking.Number}");
        if (tracking.Url is { Length: > 0 } url)
        {
            Link(html, text, common["trackingLink"], url);
        }
    }

    private static void WriteLines(StringBuilder html, StringBuilder text, OrderForMail order, Dictionary<string, string> common, CultureInfo culture)
    {
        var detail = order.Order;
        string Money(decimal amount) => amount.ToString("N2", culture) + " " + detail.Currency;
        html.Append("<table style=\"width:100%;border-collapse:collapse\"><thead><tr>")
            .Append($"<th align=\"left\">{Encode(common["item"])}</th><th align=\"right\">{Encode(common["quantity"])}</th><th align=\"right\">{Encode(common["price"])}</th>")
            .Append("</tr></thead><tbody>");
        foreach (var line in detail.Lines)
        {
            html.Append($"<tr><td>{Encode(line.DisplayName)} <small>({Encode(line.Sku)})</small></td><td align=\"right\">{line.Quantity}</td><td align=\"right\">{Encode(Money(line.LineTotal))}</td></tr>");
            text.Append($"- {line.DisplayName} ({line.Sku}) x {line.Quantity}: {Money(line.LineTotal)}\n");
        }

        html.Append("</tbody></table><table style=\"width:100%\">");
        void Total(string label, decimal amount, bool bold = false)
        {
            html.Append(bold ? $"<tr><td><b>{Encode(label)}</b></td><td align=\"right\"><b>{Encode(Money(amount))}</b></td></tr>" : $"<tr><td>{Encode(label)}</td><td align=\"right\">{Encode(Money(amount))}</td></tr>");
            text.Append($"{label}: {Money(amount)}\n");
        }

        Total(common["subtotal"], detail.Subtotal);
        if (detail.Discount != 0)
        {
            Total(common["discount"], -detail.Discount);
        }

        Total(common["shipping"], detail.Shipping);
        Total(detail.PricesIncludeTax ? common["taxIncluded"] : common["tax"], detail.Tax);
        Total(common["total"], detail.Total, bold: true);
        html.Append("</table>");
        text.Append('\n');
    }

    private static void WriteDelivery(StringBuilder html, StringBuilder text, OrderForMail order, Dictionary<string, string> common, CultureInfo culture)
    {
        var a = order.Order.ShippingAddress;
        string[] lines = [a.Recipient, a.Line1, a.Line2 ?? "", $"{a.Postcode} {a.City}", a.Region ?? "", a.Country];
        var address = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        html.Append($"<p><b>{Encode(common["deliverTo"])}</b><br>{string.Join("<br>", address.Select(Encode))}</p>");
        text.Append(common["deliverTo"]).Append(":\n").AppendJoin('\n', address).Append("\n\n");
        if (order.Order.ShippingMethod is { EarliestDelivery: { } from, LatestDelivery: { } to } method)
        {
            Paragraph(html, text, common["estimate"]
                .Replace("{from}", from.ToString("D", culture), StringComparison.Ordinal)
                .Replace("{to}", to.ToString("D", culture), StringComparison.Ordinal)
                .Replace("{method}", method.Name, StringComparison.Ordinal));
        }
    }

    private static void Paragraph(StringBuilder html, StringBuilder text, string paragraph)
    {
        html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        text.Append(paragraph).Append("\n\n");
    }

    private static void Link(StringBuilder html, StringBuilder text, string label, string url)
    {
        html.Append($"<p><a href=\"{Encode(url)}\" style=\"background:{Brand.Colours.Accent};color:{Brand.Colours.AccentInk};padding:10px 16px;text-decoration:none;border-radius:4px\">{Encode(label)}</a></p>\n");
        text.Append(label).Append(": ").Append(url).Append("\n\n");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
