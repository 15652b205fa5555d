using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>
/// What to run: where the gateway is (or start the AppHost), how many virtual shoppers, how fast they arrive, for how
/// long, and what else — faults, think time, the retail dataset for basket mixes, database connection strings.
/// </summary>
public sealed record LoadOptions(Uri? Gateway, int Users, TimeSpan Ramp, TimeSpan Duration, int Seed)
{
    /// <summary>Start the whole AppHost (local mode) and drive its gateway, instead of <see cref="Gateway"/>.</summary>
    public bool StartAppHost { get; init; }

    /// <summary>Processes of every service when starting the AppHost (its <c>Replicas</c> setting); 1 without <c>--replicas</c>.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Run the fault scenarios while the load runs (needs <see cref="StartAppHost"/>).</summary>
    public bool Faults { get; init; }

    /// <summary>A shopper's pause between steps (randomised ±50 %); zero drives the system flat out.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Share of visits made without signing in (browse and search only).</summary>
    public double AnonymousShare { get; init; } = 0.4;

    /// <summary>
    /// <c>--checkout-only</c>: every visit is a signed-in checkout (cart, quote, place, poll to the outcome, my orders), to
    /// measure the checkout rate to Paid and its CPU per order (docs/benchmarks.md, "Whole-system checkout").
    /// </summary>
    public bool CheckoutOnly { get; init; }

    /// <summary><c>--idle-seconds N</c>: measure the CPU of the idle system for N seconds before the load, as a baseline.</summary>
    public int IdleSeconds { get; init; }

    /// <summary>
    /// <c>--warm-seconds N</c>: let the started system run N seconds before the idle baseline, so the baseline is the
    /// steady state rather than start-up work (the first model training, the catalog's embeddings).
    /// </summary>
    public int WarmSeconds { get; init; }

    /// <summary>
    /// <c>--warm-load-seconds N</c>: run the same load N seconds before the idle baseline and the measurement, unrecorded,
    /// so the measured window is a warm system's steady state rather than the JIT's first pass over the hot paths.
    /// </summary>
    public int WarmLoadSeconds { get; init; }

    /// <summary>
    /// <c>--poll-ms N</c>: with <c>--no-wait</c>, how often a placed order is read until it settles, every second by default, as the
    /// storefront's order page did before it waited; with the wait, the pause after a read that failed.
    /// </summary>
    public TimeSpan PollEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Each read of a placed order asks Orders to answer when the order has moved on (<c>Prefer: wait=10</c>), as the
    /// storefront's order page does, instead of reading it every <see cref="PollEvery"/>; <c>--no-wait</c> polls as before.
    /// </summary>
    public bool WaitForOrder { get; init; } = true;

    /// <summary><c>--restock N</c>: in a ramp, raise every product to at least N units available before each step (<see cref="Shelves"/>).</summary>
    public int Restock { get; init; }

    /// <summary>How long to wait after the load for every order to settle and every outbox to drain.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The UCI Online Retail file for real basket mixes; missing → synthetic baskets.</summary>
    public string? DatasetPath { get; init; }

    /// <summary>
    /// Ramp mode: shopper counts to run one after another (<c>--steps 25,75,150,300</c>, or <c>--ramp</c> with a list),
    /// each for <see cref="StepDuration"/>; empty runs the single load of <see cref="Users"/>.
    /// </summary>
    public IReadOnlyList<int> RampSteps { get; init; } = [];

    /// <summary>The services' overload shedding (on unless <c>--no-shedding</c>; only with <see cref="StartAppHost"/>).</summary>
    public bool Shedding { get; init; } = true;

    /// <summary>Orders' priority for the requests that finish a checkout (on unless <c>--no-priority</c>; only with <see cref="StartAppHost"/>).</summary>
    public bool Priority { get; init; } = true;

    /// <summary>Orders serving journeys already under way before new ones (on unless <c>--no-journeys</c>; only with <see cref="StartAppHost"/>).</summary>
    public bool Journeys { get; init; } = true;

    /// <summary>The gateway refusing a share of browsing while Orders sheds (on unless <c>--no-checkout-first</c>; only with <see cref="StartAppHost"/>).</summary>
    public bool CheckoutFirst { get; init; } = true;

    /// <summary>Runs the Aspire dashboard and exports the services' telemetry to it, as a developer's run does (<c>--dashboard</c>).</summary>
    public bool Dashboard { get; init; }

    /// <summary>How long each ramp step runs (<c>--step-seconds</c>).</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connection strings by resource name (productsdb, ordersdb, paymentsdb, messaging, …) for the invariant queries.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; init; } = new Dictionary<string, string>();

    public static LoadOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Number(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        // --connection name=value (repeatable), else ConnectionStrings__name from the environment.
        var connections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in InvariantChecker.Databases)
        {
            if (Environment.GetEnvironmentVariable($"ConnectionStrings__{name}") is { Length: > 0 } value)
            {
                connections[name] = value;
            }
        }

        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--connection" && args[i + 1].IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                connections[args[i + 1][..eq]] = args[i + 1][(eq + 1)..];
            }
        }

        // "--ramp 20" is the single run's ramp in seconds; "--ramp 25,50,100" (or "--steps") is the load-ramp mode.
        var steps = Text("--steps") ?? (Text("--ramp") is { } ramp && ramp.Contains(',', StringComparison.Ordinal) ? ramp : null);
        int[] rampSteps = steps is null ? [] : [.. steps.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

        var appHost = args.Contains("--apphost");
        var gateway = Text("--gateway");
        return new LoadOptions(
            gateway is null ? (appHost ? null : new Uri("http://localhost:5080")) : new Uri(gateway),
            Number("--users", 20),
            TimeSpan.FromSeconds(steps is null ? Number("--ramp", 10) : 10),
            TimeSpan.FromSeconds(Number("--duration", 60)),
            Number("--seed", 42))
        {
            StartAppHost = appHost,
            Faults = args.Contains("--faults"),
            Replicas = Number("--replicas", 1),
            ThinkTime = TimeSpan.FromMilliseconds(Number("--think-ms", 300)),
            AnonymousShare = args.Contains("--checkout-only") ? 0 : Number("--anonymous-percent", 40) / 100.0,
            CheckoutOnly = args.Contains("--checkout-only"),
            IdleSeconds = Number("--idle-seconds", 0),
            WarmSeconds = Number("--warm-seconds", 0),
            WarmLoadSeconds = Number("--warm-load-seconds", 0),
            PollEvery = TimeSpan.FromMilliseconds(Number("--poll-ms", 1000)),
            WaitForOrder = !args.Contains("--no-wait"),
            Restock = Number("--restock", 0),
            Settle = TimeSpan.FromSeconds(Number("--settle", 90)),
            DatasetPath = Text("--dataset") ?? BasketMixes.DefaultDatasetPath(),
            ConnectionStrings = connections,
            RampSteps = rampSteps,
            Shedding = !args.Contains("--no-shedding"),
            Priority = !args.Contains("--no-priority"),
            Journeys = !args.Contains("--no-journeys"),
            CheckoutFirst = !args.Contains("--no-checkout-first"),
            Dashboard = args.Contains("--dashboard"),
            StepDuration = TimeSpan.FromSeconds(Number("--step-seconds", 30)),
        };
    }
}
