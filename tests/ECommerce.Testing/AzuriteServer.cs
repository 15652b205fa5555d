namespace ECommerce.Testing;

/// <summary>
/// One real Azurite blob service per test run (the <c>azurite</c> npm package of tools/azurite, under Node) on a free
/// loopback port, in memory. Its connection string names the well-known development account, as the AppHost's does.
/// Set <c>TEST_AZURITE</c> to a connection string to use an existing server instead.
/// </summary>
public sealed class AzuriteServer
{
    /// <summary>Azurite's published development account and key (the same on every machine; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<AzuriteServer>> Shared = new(StartAsync);

    private readonly ServerProcess? _process;

    private AzuriteServer(string connectionString, ServerProcess? process = null)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    /// <summary>Whether the server is still running (false for an existing one given by <c>TEST_AZURITE</c>).</summary>
    public bool Running => _process is { HasExited: false };

    public string ConnectionString { get; }

    public static Task<AzuriteServer> GetAsync() => Shared.Value;

    public static string ConnectionStringFor(string host, int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://{host}:{port}/{AccountName};";

    private static async Task<AzuriteServer> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable("TEST_AZURITE");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new AzuriteServer(existing);
        }

        var main = Path.Combine(RepositoryRoot(), "tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed ({main}): run 'npm ci --prefix tools/azurite'.");
        }

        var port = FreePort.Next();
        // In memory: nothing to clean up after the run (and --location is refused beside it).
        // --skipApiVersionCheck: Azure.Storage.Blobs may speak a newer REST version than this Azurite knows.
        var process = new ServerProcess("node",
            [main, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent"], workingDirectory: Path.GetTempPath());
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Azurite did not start. Output:\n{process.Output}", e);
        }

        return new AzuriteServer(ConnectionStringFor("127.0.0.1", port), process);
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
}
