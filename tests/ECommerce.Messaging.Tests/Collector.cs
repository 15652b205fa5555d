using System.Collections.Concurrent;
using ECommerce.Messaging.Transport;

namespace ECommerce.Messaging.Tests;

/// <summary>Records what a handler received, thread-safely, and waits for an expected count.</summary>
public sealed class Collector
{
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();

    public IReadOnlyCollection<ReceivedMessage> Received => _received;

    public int DistinctCount => _received.Select(r => r.Message.MessageId).Distinct().Count();

    public Task Handle(ReceivedMessage message, CancellationToken _)
    {
        _received.Enqueue(message);
        return Task.CompletedTask;
    }

    public void Add(ReceivedMessage message) => _received.Enqueue(message);

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
