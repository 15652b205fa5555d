using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using ECommerce.Messaging.Transport;
using Microsoft.Extensions.Logging;

namespace ECommerce.Messaging.ServiceBus;

/// <summary>
/// Azure Service Bus: a topic per event type, a subscription per consuming service (the same names as the PostgreSQL
/// transport's bindings). Processors complete manually; a failed handler's message is abandoned after a backoff
/// delay (bounded by the lock duration) and Service Bus dead-letters it after MaxDeliveryCount deliveries.
/// </summary>
/// <remarks>
/// The Aspire.Azure.Messaging.ServiceBus component is not in this machine's NuGet registry, so the client is created
/// here as thinly as that component would: one <see cref="ServiceBusClient"/> from the <c>messaging</c> connection
/// string, a health check (<see cref="PingAsync"/>), and the SDK's own ActivitySource ("Azure.Messaging.ServiceBus.*",
/// enabled below and collected by ServiceDefaults) for tracing.
/// </remarks>
public sealed class ServiceBusTransport : IMessageTransport
{
    private static readonly TimeSpan MaxBackoffWithinLock = TimeSpan.FromSeconds(20);
    private readonly ServiceBusClient _client;
    private readonly ServiceBusAdministrationClient _admin;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new();

    static ServiceBusTransport() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

    public ServiceBusTransport(string connectionString, ILogger<ServiceBusTransport> logger)
    {
        _client = new ServiceBusClient(connectionString);
        _admin = new ServiceBusAdministrationClient(connectionString);
        _logger = logger;
    }

    public async Task EnsureTopologyAsync(IReadOnlyCollection<SubscriptionBinding> bindings, CancellationToken cancellationToken)
    {
        foreach (var binding in bindings)
        {
            try
            {
                if (!await _admin.TopicExistsAsync(binding.Topic, cancellationToken))
                {
                    await _admin.CreateTopicAsync(binding.Topic, cancellationToken);
                }

                if (!await _admin.SubscriptionExistsAsync(binding.Topic, binding.Subscription, cancellationToken))
                {
                    await _admin.CreateSubscriptionAsync(new CreateSubscriptionOptions(binding.Topic, binding.Subscription)
                    {
                        MaxDeliveryCount = 10,
                        DeadLetteringOnMessageExpiration = true,
                        LockDuration = TimeSpan.FromSeconds(60),
                    }, cancellationToken);
                }
            }
            catch (UnauthorizedAccessException)
            {
                // Without Manage rights the topology comes from infra/ (Bicep); that is the production setup.
                _logger.LogInformation("No rights to create {Topic}/{Subscription}; expecting it from the deployment", binding.Topic, binding.Subscription);
            }
            catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityAlreadyExists)
            {
                // Created concurrently by another instance.
            }
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        // Peeking an entity needs only Listen rights; a missing entity still proves the namespace answers.
        try
        {
            await using var receiver = _client.CreateReceiver("$health", "$health");
            await receiver.PeekMessageAsync(cancellationToken: cancellationToken);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public async Task PublishAsync(string topic, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        var sender = _senders.GetOrAdd(topic, _client.CreateSender);
        var pending = new Queue<ServiceBusMessage>(messages.Select(ToServiceBus));
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            while (pending.Count > 0 && batch.TryAddMessage(pending.Peek()))
            {
                pending.Dequeue();
            }

            if (batch.Count == 0)
            {
                throw new InvalidOperationException($"Message {pending.Peek().MessageId} is larger than a Service Bus batch allows.");
            }

            await sender.SendMessagesAsync(batch, cancellationToken);
        }
    }

    public async Task<IAsyncDisposable> SubscribeAsync(
        SubscriptionSettings settings, Func<ReceivedMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        await EnsureTopologyAsync([.. settings.Topics.Select(t => new SubscriptionBinding(t, settings.Subscription))], cancellationToken);
        var processors = new List<ServiceBusProcessor>();
        foreach (var topic in settings.Topics)
        {
            var processor = _client.CreateProcessor(topic, settings.Subscription, new ServiceBusProcessorOptions
            {
                AutoCompleteMessages = false,
                MaxConcurrentCalls = settings.MaxConcurrency,
                PrefetchCount = settings.MaxConcurrency * 2,
            });
            processor.ProcessMessageAsync += args => ProcessAsync(args, topic, settings, handler);
            processor.ProcessErrorAsync += args =>
            {
                _logger.LogWarning(args.Exception, "Service Bus error on {Entity} ({Source})", args.EntityPath, args.ErrorSource);
                return Task.CompletedTask;
            };
            await processor.StartProcessingAsync(cancellationToken);
            processors.Add(processor);
        }

        return new ProcessorGroup(processors);
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string subscription, int limit, CancellationToken cancellationToken)
    {
        var result = new List<DeadLetter>();
        await foreach (var topic in TopicsWithSubscriptionAsync(subscription, cancellationToken))
        {
            await using var receiver = _client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
            foreach (var message in await receiver.PeekMessagesAsync(limit, cancellationToken: cancellationToken))
            {
                result.Add(new DeadLetter(FromServiceBus(message), subscription, message.DeliveryCount, message.DeadLetterErrorDescription,
                    message.EnqueuedTime));
            }
        }

        return result;
    }

    public async Task<int> ReplayDeadLettersAsync(string subscription, CancellationToken cancellationToken)
    {
        var replayed = 0;
        await foreach (var topic in TopicsWithSubscriptionAsync(subscription, cancellationToken))
        {
            await using var receiver = _client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
            // Resent to the topic: every subscription of that topic that already handled it skips it through its inbox.
            var sender = _senders.GetOrAdd(topic, _client.CreateSender);
            while (true)
            {
                var batch = await receiver.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(2), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    await sender.SendMessageAsync(new ServiceBusMessage(message), cancellationToken);
                    await receiver.CompleteMessageAsync(message, cancellationToken);
                    replayed++;
                }
            }
        }

        return replayed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }

        await _client.DisposeAsync();
    }

    private static async Task ProcessAsync(ProcessMessageEventArgs args, string topic, SubscriptionSettings settings, Func<ReceivedMessage, CancellationToken, Task> handler)
    {
        var received = new ReceivedMessage(FromServiceBus(args.Message), topic, settings.Subscription, args.Message.DeliveryCount);
        try
        {
            await handler(received, args.CancellationToken);
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
            MessagingMetrics.Delivered.Add(1, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
        }
        catch (Exception e) when (!args.CancellationToken.IsCancellationRequested)
        {
            if (args.Message.DeliveryCount >= settings.MaxDeliveryCount)
            {
                await args.DeadLetterMessageAsync(args.Message, "HandlerFailed", $"{e.GetType().Name}: {e.Message}", args.CancellationToken);
                MessagingMetrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
                return;
            }

            var delay = settings.DelayFor(args.Message.DeliveryCount);
            await Task.Delay(delay < MaxBackoffWithinLock ? delay : MaxBackoffWithinLock, args.CancellationToken);
            await args.AbandonMessageAsync(args.Message, new Dictionary<string, object> { ["last-error"] = e.Message }, args.CancellationToken);
            MessagingMetrics.Retried.Add(1, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
        }
    }

    private async IAsyncEnumerable<string> TopicsWithSubscriptionAsync(string subscription, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var topic in _admin.GetTopicsAsync(cancellationToken))
        {
            if (await _admin.SubscriptionExistsAsync(topic.Name, subscription, cancellationToken))
            {
                yield return topic.Name;
            }
        }
    }

    private static ServiceBusMessage ToServiceBus(TransportMessage message)
    {
        var result = new ServiceBusMessage(BinaryData.FromString(message.Body))
        {
            MessageId = message.MessageId.ToString(),
            Subject = message.Type,
            ContentType = "application/json",
        };
        foreach (var (key, value) in message.Headers)
        {
            result.ApplicationProperties[key] = value;
        }

        result.ApplicationProperties["occurred-at"] = message.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    private static TransportMessage FromServiceBus(ServiceBusReceivedMessage message)
    {
        var headers = message.ApplicationProperties
            .Where(p => p.Value is string && p.Key != "occurred-at")
            .ToDictionary(p => p.Key, p => (string)p.Value);
        var occurredAt = message.ApplicationProperties.TryGetValue("occurred-at", out var value) && value is string text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : message.EnqueuedTime;
        return new TransportMessage(Guid.Parse(message.MessageId), message.Subject, message.Body.ToString(), headers, occurredAt);
    }

    private sealed class ProcessorGroup(List<ServiceBusProcessor> processors) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var processor in processors)
            {
                await processor.StopProcessingAsync();
                await processor.DisposeAsync();
            }
        }
    }
}
