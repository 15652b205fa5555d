using System.Runtime.CompilerServices;

namespace ECommerce.Messaging.Outbox;

/// <summary>The statement that marks a dispatched batch of outbox rows sent.</summary>
internal static class OutboxSentMark
{
    /// <summary>
    /// Marks the batch sent, one parameter per id (<see cref="PaddedList"/>): PostgreSQL planned the one-array version
    /// (<c>id = ANY(@ids)</c>) afresh on every batch, where these few statements keep their plans.
    /// </summary>
    public static FormattableString Statement(List<Guid> ids)
    {
        var values = PaddedList.Pad(ids).Cast<object>().ToArray();
        var inList = string.Join(", ", values.Select((_, i) => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        return FormattableStringFactory.Create($"UPDATE outbox SET sent_at = now() WHERE id IN ({inList})", values);
    }
}
