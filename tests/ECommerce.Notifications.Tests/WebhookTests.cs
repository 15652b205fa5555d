using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECommerce.Contracts;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Webhooks;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ECommerce.Notifications.Tests;

/// <summary>Outbound webhooks to a real Kestrel receiver: signed, retried with backoff, logged, redeliverable, and SSRF-guarded.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookTests(NotificationsFixture service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_one_signed_successful_delivery_on_the_third_attempt()
    {
        await using var receiver = await Receiver.StartAsync(failures: 2);
        var admin = service.Client(TestTokens.Admin());
        var registered = await admin.PostAsJsonAsync("/api/notifications/admin/webhooks", new { url = receiver.Url, eventTypes = new[] { "OrderShipped" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var endpoint = (await registered.Content.ReadFromJsonAsync<WebhookEndpointResponse>(Json, Ct))!;
        Assert.StartsWith("whsec_", endpoint.Secret);
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        var shipped = new OrderShipped(order.Id, customer, "TRK-WEBHOOK", "DHL");

        await service.PublishAsync(shipped);
        await service.PublishAsync(shipped); // delivered twice by the broker: still one delivery

        await NotificationsFixture.EventuallyAsync(() => Task.FromResult(receiver.Successes.Count == 1), "a successful delivery", seconds: 30);
        var received = Assert.Single(receiver.Successes);
        Assert.Equal(3, receiver.Requests);
        Assert.True(WebhookSignature.Verify(endpoint.Secret!, received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        using (var body = JsonDocument.Parse(received.Body))
        {
            Assert.Equal("OrderShipped", body.RootElement.GetProperty("type").GetString());
            Assert.Equal(shipped.Id, body.RootElement.GetProperty("id").GetGuid());
            Assert.Equal("TRK-WEBHOOK", body.RootElement.GetProperty("data").GetProperty("trackingNumber").GetString());
        }

        var deliveries = await WaitForDeliveriesAsync(admin, endpoint.Id, d => d.Status == WebhookDeliveryStatus.Succeeded);
        var delivery = Assert.Single(deliveries);
        Assert.Equal((3, 200), (delivery.Attempts, delivery.LastStatusCode));
        Assert.NotNull(delivery.LastLatencyMs);

        // Redelivered by hand: sent once more, with the same payload and a fresh signature.
        var redeliver = await admin.PostAsync($"/api/notifications/admin/webhooks/{endpoint.Id}/deliveries/{delivery.Id}/redeliver", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await NotificationsFixture.EventuallyAsync(() => Task.FromResult(receiver.Successes.Count == 2), "the redelivery", seconds: 30);
        Assert.Equal(received.Body, receiver.Successes.Last().Body);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/admin/webhooks/{endpoint.Id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://localhost/hook")]
    public async Task Outside_Development_an_endpoint_on_a_private_or_loopback_address_is_refused(string url)
    {
        var guard = new WebhookAddressGuard(Microsoft.Extensions.Options.Options.Create(new WebhookOptions()), new ProductionEnvironment());

        Assert.NotNull(await guard.CheckAsync(new Uri(url), Ct));
        Assert.Null(await guard.CheckAsync(new Uri("https://93.184.215.14/hook"), Ct));
    }

    [Fact]
    public async Task Registering_needs_a_url_and_known_event_types_and_an_admin()
    {
        var admin = service.Client(TestTokens.Admin());
        var bad = await admin.PostAsJsonAsync("/api/notifications/admin/webhooks", new { url = "not a url", eventTypes = new[] { "PasswordResetRequested" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"url\"", problem);
        Assert.Contains("\"eventTypes\"", problem);
        var customer = await service.Client(TestTokens.Customer("someone")).GetAsync("/api/notifications/admin/webhooks", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
    }

    private static async Task<List<WebhookDeliveryResponse>> WaitForDeliveriesAsync(HttpClient admin, Guid endpoint, Func<WebhookDeliveryResponse, bool> done)
    {
        List<WebhookDeliveryResponse> deliveries = [];
        await NotificationsFixture.EventuallyAsync(async () =>
        {
            deliveries = (await admin.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/notifications/admin/webhooks/{endpoint}/deliveries", Json, Ct))!;
            return deliveries.Count > 0 && deliveries.All(done);
        }, "the delivery log");
        return deliveries;
    }

    private sealed class ProductionEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    /// <summary>A real HTTP receiver on loopback that answers 500 to its first <c>failures</c> requests, then 200.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private Receiver(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Timestamp, string Signature, string Body)> Successes { get; } = new();

        public int Requests => _requests;

        public string Url => _app.Urls.First() + "/hook";

        public static async Task<Receiver> StartAsync(int failures)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                if (Interlocked.Increment(ref receiver._requests) <= failures)
                {
                    return Results.StatusCode(500);
                }

                receiver.Successes.Enqueue((request.Headers[WebhookSignature.TimestampHeader].ToString(), request.Headers[WebhookSignature.SignatureHeader].ToString(), body));
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
