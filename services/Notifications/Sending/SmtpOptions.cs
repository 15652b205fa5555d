using System.ComponentModel.DataAnnotations;

namespace ECommerce.Notifications.Sending;

/// <summary>
/// Section <c>Notifications:Smtp</c>. Locally the AppHost points it at smtp4dev; deployed, host, port, user and password
/// come from Key Vault (Azure Communication Services' SMTP relay by default, docs/deploy.md).
/// </summary>
public sealed class SmtpOptions
{
    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>MailKit's SecureSocketOptions: None (smtp4dev), StartTls (Azure Communication Services on 587), SslOnConnect, Auto.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The From header, "Name &lt;address&gt;" (an address of a domain the relay may send for).</summary>
    [Required]
    public string From { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
