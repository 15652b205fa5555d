using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging.Postgres;

/// <summary>
/// One LISTEN connection per transport; a notification whose payload names a subscription wakes that subscription's
/// consumers. The connection is re-opened after a database restart, and consumers also poll, so a missed
/// notification only costs a poll interval.
/// </summary>
internal sealed class PostgresNotificationListener(string connectionString, string channel, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<SemaphoreSlim>> _signals = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_startLock)
        {
            _loop ??= Task.Run(ListenLoopAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>A signal released whenever the subscription gets a notification.</summary>
    public SemaphoreSlim Register(string subscription)
    {
        var signal = new SemaphoreSlim(0);
        var list = _signals.GetOrAdd(subscription, _ => []);
        lock (list)
        {
            list.Add(signal);
        }

        return signal;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stopping.Dispose();
    }

    private async Task ListenLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(token);
                connection.Notification += (_, e) => Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(token);
                }

                // Anything published while we were not listening is found by waking everyone once.
                WakeAll();
                while (!token.IsCancellationRequested)
                {
                    await connection.WaitAsync(token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                logger.LogWarning(e, "LISTEN connection lost; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Wake(string subscription)
    {
        if (_signals.TryGetValue(subscription, out var list))
        {
            lock (list)
            {
                foreach (var signal in list)
                {
                    if (signal.CurrentCount == 0)
                    {
                        signal.Release();
                    }
                }
            }
        }
    }

    private void WakeAll()
    {
        foreach (var key in _signals.Keys)
        {
            Wake(key);
        }
    }
}
