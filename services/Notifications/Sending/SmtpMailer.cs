using ECommerce.Notifications.Templates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ECommerce.Notifications.Sending;

/// <summary>Sends one rendered mail over SMTP with MailKit: a multipart/alternative of plain text and HTML.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    /// <summary>The Message-ID's domain: the id is the queue key, the same for every attempt of one mail.</summary>
    public const string MessageIdDomain = "notifications.ecommerce";

    public async Task SendAsync(string messageKey, string recipient, RenderedMail mail, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = MessageIdOf(messageKey),
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        // MimeKit keeps Content-* headers on the body entity, not the message's own header block.
        message.Body.Headers.Add("Content-Language", mail.Language);

        using var smtp = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        await smtp.ConnectAsync(o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), cancellationToken);
        // "none" is how a deployment without credentials says so (Key Vault holds no empty secret).
        if (!string.IsNullOrEmpty(o.UserName) && !o.UserName.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>A valid Message-ID (local part without ':') for a queue key.</summary>
    public static string MessageIdOf(string key) => $"{key.Replace(':', '.')}@{MessageIdDomain}";
}
