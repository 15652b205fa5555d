namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A concurrency limit with a bounded queue that serves priority requests first. A freed slot goes to the oldest
/// priority waiter, and only then to the oldest other waiter. A priority request that finds the queue full takes the
/// place of the youngest other waiter, which is refused.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's <c>ConcurrencyLimiter</c> has one first-in-first-out queue and no notion of
/// priority, and no package on this machine's feed adds one, so this is the thin equivalent: one lock, two queues.
/// </remarks>
internal sealed class PriorityGate(int permits, int queueLimit)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _priority = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _other = new();
    private int _free = permits;

    public enum Outcome
    {
        Admitted,
        QueueFull,
        TimedOut,
        Aborted,
    }

    /// <summary>Takes a slot at once, or waits for one up to <paramref name="timeout"/>. <see cref="Release"/> after an admission.</summary>
    public async ValueTask<Outcome> EnterAsync(bool priority, TimeSpan timeout, CancellationToken aborted)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Outcome.Admitted;
            }

            if (_priority.Count + _other.Count >= queueLimit)
            {
                if (!priority || _other.Last is not { } youngest)
                {
                    return Outcome.QueueFull;
                }

                _other.RemoveLast();
                youngest.Value.TrySetResult(false);
            }

            node = (priority ? _priority : _other).AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        try
        {
            return await node.Value.Task.WaitAsync(timeout, aborted) ? Outcome.Admitted : Outcome.QueueFull;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (node.List is { } queue)
                {
                    queue.Remove(node);
                    return e is TimeoutException ? Outcome.TimedOut : Outcome.Aborted;
                }
            }

            // Handed a slot (or displaced) in the same instant the wait ended: the hand-over is what counts.
            if (await node.Value.Task)
            {
                if (e is TimeoutException)
                {
                    return Outcome.Admitted;
                }

                Release();
                return Outcome.Aborted;
            }

            return Outcome.QueueFull;
        }
    }

    /// <summary>Gives the slot to the next waiter, priority first, or back to the pool.</summary>
    public void Release()
    {
        lock (_lock)
        {
            var next = _priority.First ?? _other.First;
            if (next is null)
            {
                _free++;
                return;
            }

            next.List!.Remove(next);
            next.Value.TrySetResult(true);
        }
    }
}
