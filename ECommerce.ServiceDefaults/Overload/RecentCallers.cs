using System.Collections.Concurrent;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Callers seen within the last <c>idle</c> span, by a hash of what identifies them (a raw <c>Authorization</c> header,
/// an anonymous cart id): Orders' <c>CartJourneys</c> and the gateway's checkout-first rule ask it whether a caller is in
/// the middle of a shopping journey. Only 32-bit hashes are kept, in this process; a collision gives a caller a better
/// place than it earned, never anyone's data. Bounded: past <see cref="MaxCallers"/> no new caller is recorded until idle
/// ones are swept (at most once per idle span, by the caller that records after it).
/// </summary>
public sealed class RecentCallers(TimeSpan idle)
{
    public const int MaxCallers = 100_000;

    private readonly ConcurrentDictionary<int, long> _lastSeen = new();
    private readonly long _idleMs = (long)idle.TotalMilliseconds;
    private long _nextSweep;

    public bool Contains(string caller) =>
        _lastSeen.TryGetValue(Hash(caller), out var at) && Environment.TickCount64 - at <= _idleMs;

    /// <summary>The caller took a step now.</summary>
    public void Touch(string caller)
    {
        var key = Hash(caller);
        var now = Environment.TickCount64;
        if (now >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, now + _idleMs);
            foreach (var (seen, at) in _lastSeen)
            {
                if (now - at > _idleMs)
                {
                    _lastSeen.TryRemove(seen, out _);
                }
            }
        }

        if (_lastSeen.Count < MaxCallers || _lastSeen.ContainsKey(key))
        {
            _lastSeen[key] = now;
        }
    }

    public void Forget(string caller) => _lastSeen.TryRemove(Hash(caller), out _);

    private static int Hash(string caller) => caller.GetHashCode(StringComparison.Ordinal);
}
