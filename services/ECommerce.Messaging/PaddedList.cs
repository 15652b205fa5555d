namespace ECommerce.Messaging;

/// <summary>
/// Lists sent to PostgreSQL as one parameter per item instead of one array. PostgreSQL plans a statement over an array
/// parameter (<c>= ANY(@ids)</c>, <c>unnest(@ids)</c>) afresh on every run, because a plan made for the array's actual
/// size always looks cheaper than its generic one; with one parameter per item the generic plan is as good and is kept.
/// The list is padded with its last item to a power of two, so a handful of statements cover every length
/// (docs/benchmarks.md, "Planned once").
/// </summary>
internal static class PaddedList
{
    /// <summary>The number of parameters a list of <paramref name="count"/> items is sent as (count ≥ 1).</summary>
    public static int Length(int count) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count);

    /// <summary>The items, then the last one repeated up to <see cref="Length"/>.</summary>
    public static IEnumerable<T> Pad<T>(IReadOnlyList<T> items) =>
        items.Concat(Enumerable.Repeat(items[^1], Length(items.Count) - items.Count));
}
