using ECommerce.Notifications.Sending;
using ECommerce.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Notifications.Tests;

/// <summary>A pass of the sender shares one SMTP connection between its mails, and survives the server dropping it.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SmtpSessionTests(NotificationsFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_sends_its_mails_over_one_connection()
    {
        var recipients = Enumerable.Range(0, 3).Select(i => $"session-{i}-{Guid.NewGuid():N}@example.test").ToList();

        await using (var session = Mailer().OpenSession())
        {
            foreach (var recipient in recipients)
            {
                await session.SendAsync($"test:{Guid.NewGuid():N}", recipient, Mail(recipient), Ct);
            }

            Assert.Equal(1, session.Connections);
        }

        foreach (var recipient in recipients)
        {
            Assert.Equal($"Hello {recipient}", Assert.Single(await service.MailsToAsync(recipient)).Subject);
        }
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_opened_again_for_the_next_mail()
    {
        var (first, second) = ($"dropped-1-{Guid.NewGuid():N}@example.test", $"dropped-2-{Guid.NewGuid():N}@example.test");
        await using var session = Mailer().OpenSession();
        await session.SendAsync($"test:{Guid.NewGuid():N}", first, Mail(first), Ct);
        Assert.Single(await service.MailsToAsync(first));

        // The server goes away and comes back while the session's connection sits idle.
        service.Smtp.Stop();
        await service.Smtp.StartAgainAsync();
        await session.SendAsync($"test:{Guid.NewGuid():N}", second, Mail(second), Ct);

        Assert.Equal(2, session.Connections);
        Assert.Equal($"Hello {second}", Assert.Single(await service.MailsToAsync(second)).Subject);
    }

    private SmtpMailer Mailer() => service.Factory.Services.GetRequiredService<SmtpMailer>();

    private static RenderedMail Mail(string recipient) => new($"Hello {recipient}", $"<p>Hello {recipient}</p>", $"Hello {recipient}", "en");
}
