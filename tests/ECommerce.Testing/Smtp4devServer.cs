using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ECommerce.Testing;

/// <summary>
/// A real SMTP server for tests: smtp4dev (the <c>Rnwood.Smtp4dev</c> dotnet tool of .config/dotnet-tools.json) on free
/// loopback ports, with an in-memory store, read through its web API (<c>GET /api/messages</c>). It can be stopped and
/// started again on the same ports, to test a sender's retries while SMTP is down.
/// </summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    private readonly HttpClient _api;
    private ServerProcess? _process;

    private Smtp4devServer(int smtpPort, int webPort)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public static async Task<Smtp4devServer> StartAsync()
    {
        var server = new Smtp4devServer(FreePort.Next(), FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its ports; its inbox starts empty.</summary>
    public async Task StartAgainAsync()
    {
        await FreePort.WaitUntilFreeAsync(SmtpPort, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilFreeAsync(WebPort, TimeSpan.FromSeconds(30));
        _process = new ServerProcess("dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}", "--imapport=", "--pop3port=", "--db=",
            "--nousersettings", "--hostname=localhost",
        ], workingDirectory: RepositoryRoot());
        try
        {
            await FreePort.WaitUntilListeningAsync(SmtpPort, TimeSpan.FromSeconds(60));
            await FreePort.WaitUntilListeningAsync(WebPort, TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"smtp4dev did not start (run 'dotnet tool restore'). Output:\n{_process.Output}", e);
        }
    }

    /// <summary>Stops the server: SMTP connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message in the inbox (newest first, as smtp4dev lists them).</summary>
    public async Task<IReadOnlyList<Smtp4devMessage>> MessagesAsync(CancellationToken cancellationToken = default)
    {
        var page = await _api.GetFromJsonAsync<MessagePage>("/api/messages?pageSize=1000", cancellationToken);
        return page?.Results ?? [];
    }

    public Task<string> PlainTextAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetStringAsync($"/api/messages/{id}/plaintext", cancellationToken);

    public Task<string> HtmlAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetStringAsync($"/api/messages/{id}/html", cancellationToken);

    /// <summary>A header of a message (Message-ID, Content-Language), or null.</summary>
    public async Task<string?> HeaderAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        var detail = await _api.GetFromJsonAsync<MessageDetail>($"/api/messages/{id}", cancellationToken);
        return detail?.Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _api.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ECommerce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ECommerce.sln not found above the test's folder.");
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] List<Smtp4devMessage> Results);

    private sealed record MessageDetail([property: JsonPropertyName("headers")] List<Header> Headers);

    private sealed record Header([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] string Value);
}

/// <summary>One message as smtp4dev's list shows it.</summary>
public sealed record Smtp4devMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);
