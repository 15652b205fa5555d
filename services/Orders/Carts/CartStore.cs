using System.Text.Json;
using ECommerce.Orders.Model;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Carts in Redis as one JSON value per owner. Every read and write pushes the expiry forward (a sliding TTL), and a
/// change is a compare-and-set retried (with a short random back-off) on conflict, so two tabs changing one cart never
/// lose each other's lines; a cart still contended after <see cref="MaxAttempts"/> answers 409 rather than guessing.
/// </summary>
public sealed class CartStore(IConnectionMultiplexer redis, IOptions<CartLimits> limits)
{
    private const int MaxAttempts = 25;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Db => redis.GetDatabase();

    private TimeSpan TimeToLive => limits.Value.TimeToLive;

    /// <summary>The cart, or an empty one; reading counts as activity and extends its life.</summary>
    public async Task<Cart> GetAsync(CartOwner owner) =>
        Deserialize(await Db.StringGetSetExpiryAsync(owner.Key, TimeToLive));

    /// <summary>Applies a change atomically with respect to other writers; a change returning false writes nothing.</summary>
    public async Task<Cart> UpdateAsync(CartOwner owner, Func<Cart, bool> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await Db.StringGetAsync(owner.Key);
            var cart = Deserialize(current);
            if (!change(cart))
            {
                await Db.KeyExpireAsync(owner.Key, TimeToLive);
                return cart;
            }

            cart.UpdatedAt = DateTimeOffset.UtcNow;
            var transaction = Db.CreateTransaction();
            transaction.AddCondition(current.IsNull ? Condition.KeyNotExists(owner.Key) : Condition.StringEqual(owner.Key, current));
            _ = transaction.StringSetAsync(owner.Key, Serialize(cart), TimeToLive);
            if (await transaction.ExecuteAsync())
            {
                return cart;
            }

            await BackOffAsync(attempt);
        }

        throw new CartBusyException(owner.Key, MaxAttempts);
    }

    /// <summary>Moves the anonymous cart's lines into the customer's and deletes it, both or neither.</summary>
    public async Task<(Cart Cart, IReadOnlyList<Guid> Dropped)> MergeAsync(CartOwner anonymous, CartOwner customer)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var fromValue = await Db.StringGetAsync(anonymous.Key);
            var intoValue = await Db.StringGetAsync(customer.Key);
            var into = Deserialize(intoValue);
            if (fromValue.IsNull)
            {
                return (into, []);
            }

            var dropped = into.MergeFrom(Deserialize(fromValue), limits.Value);
            into.UpdatedAt = DateTimeOffset.UtcNow;
            var transaction = Db.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(anonymous.Key, fromValue));
            transaction.AddCondition(intoValue.IsNull ? Condition.KeyNotExists(customer.Key) : Condition.StringEqual(customer.Key, intoValue));
            _ = transaction.StringSetAsync(customer.Key, Serialize(into), TimeToLive);
            _ = transaction.KeyDeleteAsync(anonymous.Key);
            if (await transaction.ExecuteAsync())
            {
                return (into, dropped);
            }

            await BackOffAsync(attempt);
        }

        throw new CartBusyException(customer.Key, MaxAttempts);
    }

    public Task DeleteAsync(CartOwner owner) => Db.KeyDeleteAsync(owner.Key);

    /// <summary>Random, growing pauses spread competing writers out instead of letting them collide again in step.</summary>
    private static Task BackOffAsync(int attempt) => Task.Delay(Random.Shared.Next(1, 5 * (attempt + 2)));

    private static Cart Deserialize(RedisValue value) =>
        value.IsNullOrEmpty ? new Cart() : JsonSerializer.Deserialize<Cart>((string)value!, Json) ?? new Cart();

    private static string Serialize(Cart cart) => JsonSerializer.Serialize(cart, Json);
}
