using ECommerce.Messaging.Outbox;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// A dispatched batch is marked sent with one parameter per id, padded to a power of two with the last id again, so a
/// handful of statements (each keeping its plan in PostgreSQL) cover every batch size; the rows marked are the batch's.
/// </summary>
public sealed class OutboxSentMarkTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 8)]
    [InlineData(100, 128)]
    public void A_batch_is_marked_with_its_ids_padded_to_a_power_of_two(int batch, int parameters)
    {
        var ids = Enumerable.Range(0, batch).Select(_ => Guid.NewGuid()).ToList();

        var statement = OutboxSentMark.Statement(ids);

        Assert.Equal(parameters, statement.ArgumentCount);
        Assert.Equal(ids, statement.GetArguments().Take(batch).Cast<Guid>());
        Assert.All(statement.GetArguments().Skip(batch), padding => Assert.Equal(ids[^1], padding));
        Assert.Equal("UPDATE outbox SET sent_at = now() WHERE id IN (" + string.Join(", ", Enumerable.Range(0, parameters).Select(i => $"{{{i}}}")) + ")",
            statement.Format);
    }
}
