// Gateway overhead benchmark: the same Products endpoint called directly, through the YARP gateway and through nginx
// (Debian package) proxying the same service, measured with wrk in one run. Prints rps and latency percentiles for
// each, and the gateway's and nginx's throughput as a share of the direct call.
using System.Globalization;
using ECommerce.Gateway.Benchmarks;
using ECommerce.Testing;

if (args is ["--bare-proxy", var bareProxyPort, var bareUpstream])
{
    return await BareProxy.RunAsync(int.Parse(bareProxyPort, CultureInfo.InvariantCulture), bareUpstream);
}

var seconds = ArgValue("--duration", 15);
var connections = ArgValue("--connections", 32);
var threads = ArgValue("--threads", 2);
var path = ArgText("--path", "/api/products?limit=20");
var root = FindRepositoryRoot();

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var postgres = await PostgresServer.GetAsync();
var redis = await RedisServer.GetAsync();

var productsPort = FreePort.Next();
using var products = new ChildProcess("dotnet", [Built(root, "Products"), "--urls", $"http://127.0.0.1:{productsPort}"], new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development", // seeds the catalog on first start
    ["ConnectionStrings__productsdb"] = await postgres.CreateDatabaseAsync("bench_products"),
    ["ConnectionStrings__messaging"] = await postgres.CreateDatabaseAsync("bench_messaging"),
    ["Messaging__Transport"] = "postgres",
    ["ConnectionStrings__cache"] = redis.ConnectionString,
    ["Logging__LogLevel__Default"] = "Warning",
}, Path.GetDirectoryName(Built(root, "Products")));
var direct = $"http://127.0.0.1:{productsPort}";
await products.WaitUntilAnswersAsync(http, direct + path, TimeSpan.FromMinutes(3));

// The gateway as shipped, then any variants (--variant "label:NAME=VALUE,NAME=VALUE", repeatable): the same build with
// extra environment (runtime or gateway settings), each measured in the same run so their ratios compare.
var gateways = new List<(string Name, string Url, ChildProcess Process)>();
foreach (var (label, extra) in new[] { ("gateway (YARP)", new Dictionary<string, string>()) }.Concat(Variants()))
{
    var gatewayPort = FreePort.Next();
    var environment = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ReverseProxy__Clusters__products__Destinations__primary__Address"] = direct,
        // The per-client limit would throttle a single load generator; the benchmark measures proxying, not limiting.
        ["Gateway__RateLimiting__PermitsPerClientPerWindow"] = "1000000000",
        ["Gateway__RateLimiting__GlobalConcurrentRequests"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
    };
    foreach (var (key, value) in extra)
    {
        environment[key] = value;
    }

    var process = new ChildProcess("dotnet", [Built(root, "Gateway"), "--urls", $"http://127.0.0.1:{gatewayPort}"], environment, Path.GetDirectoryName(Built(root, "Gateway")));
    gateways.Add((label, $"http://127.0.0.1:{gatewayPort}", process));
    await process.WaitUntilAnswersAsync(http, gateways[^1].Url + path, TimeSpan.FromMinutes(1));
}

// YARP with none of the gateway's policies (BareProxy.cs): what the proxy itself costs on the same cores.
var barePort = FreePort.Next();
using var bare = new ChildProcess("dotnet", [typeof(BareProxy).Assembly.Location, "--bare-proxy", barePort.ToString(CultureInfo.InvariantCulture), direct]);
var viaBare = $"http://127.0.0.1:{barePort}";
await bare.WaitUntilAnswersAsync(http, viaBare + path, TimeSpan.FromMinutes(1));

var nginxPort = FreePort.Next();
var nginxDir = Directory.CreateTempSubdirectory("ecommerce-bench-nginx-").FullName;
var nginxConfig = Path.Combine(nginxDir, "nginx.conf");
await File.WriteAllTextAsync(nginxConfig, NginxConfig(productsPort, nginxPort, nginxDir));
using var nginx = new ChildProcess("nginx", ["-c", nginxConfig, "-p", nginxDir, "-g", "daemon off;"]);
var viaNginx = $"http://127.0.0.1:{nginxPort}";
await nginx.WaitUntilAnswersAsync(http, viaNginx + path, TimeSpan.FromSeconds(30));
var targets = new[] { ("direct", direct) }.Concat(gateways.Select(g => (g.Name, g.Url))).Append(("bare YARP", viaBare)).Append(("nginx", viaNginx)).ToArray();

Console.WriteLine($"Gateway benchmark — GET {path}, wrk -t{threads} -c{connections} -d{seconds}s; {Environment.ProcessorCount} cores shared by wrk, proxy and service");
// Products does its start-up work (seeding, embeddings) in its first minute: a first round in turn warms every target
// and lets that work finish, so the measured round compares the three on the same quiet service.
var results = new List<WrkResult>();
foreach (var round in Enumerable.Range(1, ArgValue("--rounds", 2)))
{
    results.Clear();
    foreach (var (name, url) in targets)
    {
        await Wrk.RunAsync(name, url + path, threads, connections, 3); // warm-up: JIT, pools, caches
        results.Add(await Wrk.RunAsync(name, url + path, threads, connections, seconds));
    }
}

Console.WriteLine();
Console.WriteLine($"{"target",-16} {"req/s",10} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7} {"vs direct",10}");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Target,-16} {r.RequestsPerSecond,10:N0} {r.P50Ms,8:N2} {r.P90Ms,8:N2} {r.P99Ms,8:N2} {r.Errors,7} {r.RequestsPerSecond / results[0].RequestsPerSecond,9:P0}"));
}

foreach (var r in results.Skip(1).SkipLast(1))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Target} / nginx throughput: {r.RequestsPerSecond / results[^1].RequestsPerSecond:N2}"));
}

// The latency each proxy adds, taken at one connection so that queueing behind other requests does not hide it
// (issue #23's target: ≤ 0.3 ms p50 for the gateway).
var single = new List<WrkResult>();
foreach (var (name, url) in targets)
{
    single.Add(await Wrk.RunAsync(name, url + path, 1, 1, Math.Max(5, seconds / 2)));
}

Console.WriteLine();
Console.WriteLine($"one connection: {"target",-16} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"added p50 ms",13}");
foreach (var r in single)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"                {r.Target,-16} {r.RequestsPerSecond,8:N0} {r.P50Ms,8:N3} {r.P99Ms,8:N3} {r.P50Ms - single[0].P50Ms,13:+0.000;-0.000}"));
}

results.AddRange(single);
foreach (var g in gateways)
{
    g.Process.Dispose();
}

try { Directory.Delete(nginxDir, recursive: true); } catch (IOException) { }
return results.Any(r => r.Errors > 0) ? 1 : 0;

static string NginxConfig(int upstreamPort, int listenPort, string dir) => $$"""
    worker_processes auto;
    pid {{dir}}/nginx.pid;
    error_log {{dir}}/error.log warn;
    events { worker_connections 4096; }
    http {
      access_log off;
      client_body_temp_path {{dir}}/body;
      proxy_temp_path {{dir}}/proxy;
      fastcgi_temp_path {{dir}}/fastcgi;
      uwsgi_temp_path {{dir}}/uwsgi;
      scgi_temp_path {{dir}}/scgi;
      upstream products { server 127.0.0.1:{{upstreamPort}}; keepalive 64; }
      server {
        listen 127.0.0.1:{{listenPort}};
        location / {
          proxy_pass http://products;
          proxy_http_version 1.1;
          proxy_set_header Connection "";
          proxy_set_header X-Forwarded-For $remote_addr;
        }
      }
    }
    """;

static string Built(string root, string service) =>
    Path.Combine(root, "services", service, "bin", "Release", "net10.0", $"ECommerce.{service}.dll") is var dll && File.Exists(dll)
        ? dll
        : throw new FileNotFoundException($"Build first: dotnet build -c Release perf/ECommerce.Gateway.Benchmarks ({dll} is missing)");

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

static IEnumerable<(string Label, Dictionary<string, string> Environment)> Variants()
{
    var args = Environment.GetCommandLineArgs();
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i] != "--variant")
        {
            continue;
        }

        var (label, settings) = args[i + 1].Split(':', 2) is [var l, var rest] ? (l, rest) : throw new ArgumentException($"--variant \"label:NAME=VALUE,...\", not \"{args[i + 1]}\"");
        yield return (label, settings.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : throw new ArgumentException($"--variant {label}: \"{string.Join('=', kv)}\" is not NAME=VALUE")));
    }
}

static int ArgValue(string name, int fallback) =>
    int.TryParse(ArgText(name, ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static string ArgText(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
