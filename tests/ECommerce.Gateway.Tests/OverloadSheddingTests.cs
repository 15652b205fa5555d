using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// The services' admission control (ServiceDefaults, section Overload) on a real Kestrel host: past its limit a request is
/// refused at once with 503, Retry-After and problem details, before its handler runs, while the admitted one finishes;
/// probes and exempt paths are never refused. Here because this project already hosts ServiceDefaults with Kestrel.
/// </summary>
public sealed class OverloadSheddingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_request_past_the_limit_is_refused_with_503_retry_after_and_a_problem_while_the_first_completes()
    {
        await using var host = await Host.StartAsync(new() { ["Overload:MaxConcurrent"] = "1", ["Overload:QueueLimit"] = "0" });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var second = await host.Client.GetAsync("/slow", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);
        Assert.Equal("queue_full", second.Headers.GetValues(OverloadShedding.ShedHeader).Single());
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("The store is busy.", problem.GetProperty("title").GetString());
        Assert.Contains("Try again in 1 s", problem.GetProperty("detail").GetString());

        host.Release.SetResult();
        using var completed = await first;
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(1, host.SlowRuns);
    }

    [Fact]
    public async Task A_request_that_leaves_its_place_to_wait_lets_the_next_one_run_and_gives_the_place_back_only_once()
    {
        await using var host = await Host.StartAsync(new() { ["Overload:MaxConcurrent"] = "1", ["Overload:QueueLimit"] = "0" });
        var waiting = host.Client.GetAsync("/waiting", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // The long poll gave its place back: with a limit of one, the next request runs while it still waits.
        using var admitted = await host.Client.PostAsync("/items", null, Ct);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);

        host.Release.SetResult();
        using (var answered = await waiting)
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        // Left twice and then ended, yet the limit is still one: a second place would admit this POST.
        var slow = host.Client.GetAsync("/slow-too", Ct);
        await host.SlowEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        using var refused = await host.Client.PostAsync("/items", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(1, host.ItemsAdded);
        host.SlowRelease.SetResult();
        (await slow).Dispose();
    }

    [Fact]
    public async Task Health_probes_and_exempt_paths_are_answered_while_the_service_is_saturated()
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "0",
            ["Overload:ExemptPaths:0"] = "/api/payments/webhooks",
        });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var health = await host.Client.GetAsync("/health", Ct);
        using var alive = await host.Client.GetAsync("/alive", Ct);
        using var webhook = await host.Client.PostAsync("/api/payments/webhooks/stripe", null, Ct);
        using var other = await host.Client.GetAsync("/items", Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, other.StatusCode);
        host.Release.SetResult();
        (await first).Dispose();
    }

    [Fact]
    public async Task A_shed_post_changes_nothing_and_the_same_post_after_retry_after_is_done_once()
    {
        await using var host = await Host.StartAsync(new() { ["Overload:MaxConcurrent"] = "1", ["Overload:QueueLimit"] = "0" });
        using var listener = ShedCounter(out var shed);
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var refused = await host.Client.PostAsync("/items", null, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(0, host.ItemsAdded);
        Assert.True(Volatile.Read(ref shed.Value) >= 1);
        host.Release.SetResult();
        (await first).Dispose();

        using var retried = await host.Client.PostAsync("/items", null, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, host.ItemsAdded);
    }

    [Fact]
    public async Task A_queued_request_runs_when_a_slot_frees_in_time_and_is_refused_when_it_does_not()
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "1",
            ["Overload:QueueTimeoutMs"] = "300",
        });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // The slot stays taken past the queue's time limit: the waiting request is refused, not kept.
        using var timedOut = await host.Client.PostAsync("/items", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
        Assert.Equal(0, host.ItemsAdded);

        // The slot frees while this one waits: it runs.
        var queued = host.Client.PostAsync("/items", null, Ct);
        await Task.Delay(50, Ct);
        host.Release.SetResult();
        using var admitted = await queued;
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(1, host.ItemsAdded);
        (await first).Dispose();
    }

    [Fact]
    public async Task Switched_off_by_configuration_nothing_is_shed()
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:Enabled"] = "false",
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "0",
        });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var second = await host.Client.PostAsync("/items", null, Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        host.Release.SetResult();
        (await first).Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // Overload:Prioritise off (the load ramp's --no-priority): one queue, served in arrival order.
    public async Task A_freed_slot_goes_to_a_waiting_priority_request_before_an_older_other_request(bool prioritise)
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:Prioritise"] = prioritise ? "true" : "false",
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "4",
            ["Overload:QueueTimeoutMs"] = "20000",
            ["Overload:PriorityRoutes:0"] = "POST /priority/{guid}",
        });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var older = host.Client.PostAsync("/items", null, Ct);
        await Task.Delay(300, Ct);
        var priority = host.Client.PostAsync($"/priority/{Guid.NewGuid()}", null, Ct);
        await Task.Delay(300, Ct);
        host.Release.SetResult();

        using var olderDone = await older;
        using var priorityDone = await priority;
        Assert.Equal(HttpStatusCode.OK, olderDone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, priorityDone.StatusCode);
        Assert.Equal(prioritise ? ["priority", "items"] : new[] { "items", "priority" }, host.Ran);
        (await first).Dispose();
    }

    [Fact]
    public async Task A_priority_request_finding_the_queue_full_takes_the_place_of_the_youngest_other_request()
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "1",
            ["Overload:QueueTimeoutMs"] = "20000",
            ["Overload:PriorityRoutes:0"] = "POST /priority/{guid}",
        });
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var displaced = host.Client.PostAsync("/items", null, Ct);
        await Task.Delay(300, Ct);

        // Only a whole-path match with a GUID where the route says {guid} is a priority request: this one is refused.
        using var lookalike = await host.Client.PostAsync("/priority/not-an-id", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lookalike.StatusCode);
        Assert.False(displaced.IsCompleted);

        var priority = host.Client.PostAsync($"/priority/{Guid.NewGuid()}", null, Ct);
        using var refused = await displaced.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(0, host.ItemsAdded);

        host.Release.SetResult();
        using var admitted = await priority;
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(new[] { "priority" }, host.Ran);
        (await first).Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // Overload:InProgressFirst off (the load ramp's --no-journeys): a journey's request is new work.
    public async Task A_freed_slot_goes_to_a_priority_route_then_to_a_journey_under_way_then_to_new_work(bool inProgressFirst)
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:InProgressFirst"] = inProgressFirst ? "true" : "false",
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "4",
            ["Overload:QueueTimeoutMs"] = "20000",
            ["Overload:PriorityRoutes:0"] = "POST /priority/{guid}",
        }, journeys: true);
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var newWork = host.Client.PostAsync("/items", null, Ct);
        await Task.Delay(300, Ct);
        var underWay = host.Client.SendAsync(JourneyStep(), Ct);
        await Task.Delay(300, Ct);
        var priority = host.Client.PostAsync($"/priority/{Guid.NewGuid()}", null, Ct);
        await Task.Delay(300, Ct);
        host.Release.SetResult();

        foreach (var response in await Task.WhenAll(newWork, underWay, priority))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(inProgressFirst ? ["priority", "journey", "items"] : new[] { "priority", "items", "journey" }, host.Ran);
        (await first).Dispose();
    }

    [Fact]
    public async Task A_journey_under_way_finding_the_queue_full_takes_the_place_of_new_work_but_not_of_a_priority_route()
    {
        await using var host = await Host.StartAsync(new()
        {
            ["Overload:MaxConcurrent"] = "1",
            ["Overload:QueueLimit"] = "1",
            ["Overload:QueueTimeoutMs"] = "20000",
            ["Overload:PriorityRoutes:0"] = "POST /priority/{guid}",
        }, journeys: true);
        var first = host.Client.GetAsync("/slow", Ct);
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var displaced = host.Client.PostAsync("/items", null, Ct);
        await Task.Delay(300, Ct);

        var underWay = host.Client.SendAsync(JourneyStep(), Ct);
        using (var refused = await displaced.WaitAsync(TimeSpan.FromSeconds(10), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        var priority = host.Client.PostAsync($"/priority/{Guid.NewGuid()}", null, Ct);
        using (var refused = await underWay.WaitAsync(TimeSpan.FromSeconds(10), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        // A journey step never displaces a priority route: the queue is full of one, so it is refused at once.
        using (var refused = await host.Client.SendAsync(JourneyStep(), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        host.Release.SetResult();
        using var admitted = await priority;
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(new[] { "priority" }, host.Ran);
        (await first).Dispose();
    }

    private static HttpRequestMessage JourneyStep() => new(HttpMethod.Post, "/items") { Headers = { { HeaderJourneys.Header, "yes" } } };

    /// <summary>A service's notion of a journey under way, for these tests: a request that says so.</summary>
    private sealed class HeaderJourneys : IWorkInProgress
    {
        public const string Header = "X-Test-Journey";

        public bool Has(HttpContext context) => context.Request.Headers.ContainsKey(Header);
    }

    [Fact]
    public async Task A_priority_route_that_is_not_method_and_path_stops_the_service_at_start()
    {
        var start = Host.StartAsync(new() { ["Overload:PriorityRoutes:0"] = "/api/orders" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => start);
        Assert.Contains("Overload:PriorityRoutes", error.Message);
    }

    private static MeterListener ShedCounter(out StrongBox shed)
    {
        var box = new StrongBox();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "ecommerce.overload.shed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref box.Value, value));
        listener.Start();
        shed = box;
        return listener;
    }

    private sealed class StrongBox
    {
        public long Value;
    }

    /// <summary>A service with the defaults (AddServiceDefaults) on Kestrel: a slow GET that holds its slot until released, a counting POST.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private int _itemsAdded;
        private int _slowRuns;

        public HttpClient Client { get; private set; } = null!;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SlowEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SlowRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int ItemsAdded => Volatile.Read(ref _itemsAdded);
        public int SlowRuns => Volatile.Read(ref _slowRuns);
        public ConcurrentQueue<string> RanQueue { get; } = new();
        public string[] Ran => [.. RanQueue];

        public static async Task<Host> StartAsync(Dictionary<string, string?> settings, bool journeys = false)
        {
            var host = new Host();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            // On by default as in every service (this project's output also holds the gateway's appsettings, where it is off).
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Overload:Enabled"] = "true" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddServiceDefaults();
            if (journeys)
            {
                builder.Services.AddSingleton<IWorkInProgress, HeaderJourneys>();
            }

            var app = builder.Build();
            app.UseDefaultProblemDetails();
            app.MapDefaultEndpoints();
            app.MapGet("/slow", async () =>
            {
                Interlocked.Increment(ref host._slowRuns);
                host.Entered.TrySetResult();
                await host.Release.Task;
                return Results.Ok();
            }).AllowAnonymous();
            app.MapGet("/waiting", async (HttpContext context) =>
            {
                var admission = context.Features.Get<IAdmissionFeature>()!;
                admission.Leave();
                admission.Leave();
                host.Entered.TrySetResult();
                await host.Release.Task;
                return Results.Ok();
            }).AllowAnonymous();
            app.MapGet("/slow-too", async () =>
            {
                host.SlowEntered.TrySetResult();
                await host.SlowRelease.Task;
                return Results.Ok();
            }).AllowAnonymous();
            app.MapPost("/items", (HttpRequest request) =>
            {
                host.RanQueue.Enqueue(request.Headers.ContainsKey(HeaderJourneys.Header) ? "journey" : "items");
                return Results.Ok(Interlocked.Increment(ref host._itemsAdded));
            }).AllowAnonymous();
            app.MapPost("/priority/{id}", (string id) =>
            {
                host.RanQueue.Enqueue("priority");
                return Results.Ok(id);
            }).AllowAnonymous();
            app.MapGet("/items", () => Results.Ok(host.ItemsAdded)).AllowAnonymous();
            app.MapPost("/api/payments/webhooks/stripe", () => Results.Ok()).AllowAnonymous();
            await app.StartAsync(TestContext.Current.CancellationToken);
            host._app = app;
            host.Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(15) };
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            Release.TrySetResult();
            SlowRelease.TrySetResult();
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }
}
