namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A concurrency limit with a bounded queue that serves the more urgent requests first. A freed slot goes to the oldest
/// waiter of the most urgent class that has one. A request that finds the queue full takes the place of the youngest
/// waiter of a less urgent class (the least urgent first), which is refused.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's <c>ConcurrencyLimiter</c> has one first-in-first-out queue and no notion of
/// priority, and no package on this machine's feed adds one, so this is the thin equivalent: one lock, a queue per class.
/// </remarks>
internal sealed class PriorityGate(int permits, int queueLimit)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>>[] _queues = [new(), new(), new()];
    private int _free = permits;
    private int _waiting;

    public enum Outcome
    {
        Admitted,
        QueueFull,
        TimedOut,
        Aborted,
    }

    /// <summary>How urgent a request is; a lower value is served first.</summary>
    public enum Urgency
    {
        /// <summary>Finishes work a client has started (a priority route: placing an order, reading its status).</summary>
        Finishing = 0,

        /// <summary>From a caller the service counts as in the middle of a journey (<see cref="IWorkInProgress"/>).</summary>
        InProgress = 1,

        /// <summary>Everything else: new work.</summary>
        Other = 2,
    }

    /// <summary>Takes a free slot if there is one, without waiting. <see cref="Release"/> after it.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return true;
            }

            return false;
        }
    }

    /// <summary>Takes a slot at once, or waits for one up to <paramref name="timeout"/>. <see cref="Release"/> after an admission.</summary>
    public async ValueTask<Outcome> EnterAsync(Urgency urgency, TimeSpan timeout, CancellationToken aborted)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Outcome.Admitted;
            }

            if (_waiting >= queueLimit)
            {
                if (YoungestLessUrgentThan(urgency) is not { } youngest)
                {
                    return Outcome.QueueFull;
                }

                youngest.List!.Remove(youngest);
                _waiting--;
                youngest.Value.TrySetResult(false);
            }

            node = _queues[(int)urgency].AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiting++;
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
                    _waiting--;
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

    /// <summary>Gives the slot to the next waiter, the most urgent first, or back to the pool.</summary>
    public void Release()
    {
        lock (_lock)
        {
            foreach (var queue in _queues)
            {
                if (queue.First is { } next)
                {
                    queue.RemoveFirst();
                    _waiting--;
                    next.Value.TrySetResult(true);
                    return;
                }
            }

            _free++;
        }
    }

    private LinkedListNode<TaskCompletionSource<bool>>? YoungestLessUrgentThan(Urgency urgency)
    {
        for (var level = _queues.Length - 1; level > (int)urgency; level--)
        {
            if (_queues[level].Last is { } youngest)
            {
                return youngest;
            }
        }

        return null;
    }
}
