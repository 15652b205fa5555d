using System.Net.Sockets;
using ECommerce.Notifications.Templates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ECommerce.Notifications.Sending;

/// <summary>Sends rendered mails over SMTP with MailKit: each a multipart/alternative of plain text and HTML.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    /// <summary>The Message-ID's domain: the id is the queue key, the same for every attempt of one mail.</summary>
    public const string MessageIdDomain = "notifications.ecommerce";

    /// <summary>
    /// A session for one pass of the sender: its mails share one SMTP connection (connect, greeting, TLS and sign-in
    /// once), opened at the first mail and closed when the session is disposed.
    /// </summary>
    public SmtpSession OpenSession() => new(options.Value);

    /// <summary>A valid Message-ID (local part without ':') for a queue key.</summary>
    public static string MessageIdOf(string key) => $"{key.Replace(':', '.')}@{MessageIdDomain}";

    internal static MimeMessage Compose(SmtpOptions o, string messageKey, string recipient, RenderedMail mail)
    {
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
        return message;
    }
}

/// <summary>
/// One SMTP connection reused for several mails. A connection that fails is dropped, so the next mail opens a new one;
/// a reused connection the server closed while it sat idle is reopened once for the same mail (a refused MAIL FROM sends
/// nothing, so that retry cannot send the mail twice).
/// </summary>
public sealed class SmtpSession(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _smtp;

    /// <summary>How many connections this session opened.</summary>
    public int Connections { get; private set; }

    public async Task SendAsync(string messageKey, string recipient, RenderedMail mail, CancellationToken cancellationToken)
    {
        var message = SmtpMailer.Compose(options, messageKey, recipient, mail);
        var reused = _smtp is { IsConnected: true };
        try
        {
            await SendOnceAsync(message, cancellationToken);
        }
        catch (Exception e) when (reused && IsConnectionLost(e) && !cancellationToken.IsCancellationRequested)
        {
            await SendOnceAsync(message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not { } smtp)
        {
            return;
        }

        _smtp = null;
        try
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (IsConnectionLost(e) || e is SmtpCommandException)
        {
            // The mails are sent; a QUIT the server did not answer changes nothing.
        }
        finally
        {
            smtp.Dispose();
        }
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var smtp = _smtp is { IsConnected: true } open ? open : await ConnectAsync(cancellationToken);
            await smtp.SendAsync(message, cancellationToken);
        }
        catch
        {
            // Whatever state the connection is in, the next mail gets a fresh one.
            _smtp?.Dispose();
            _smtp = null;
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        _smtp?.Dispose();
        _smtp = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        Connections++;
        await _smtp.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        // "none" is how a deployment without credentials says so (Key Vault holds no empty secret).
        if (!string.IsNullOrEmpty(options.UserName) && !options.UserName.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            await _smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        return _smtp;
    }

    private static bool IsConnectionLost(Exception e) =>
        e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException;
}
