using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Transport;
using ECommerce.Users.Domain;
using ECommerce.Users.Profile;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Tests;

/// <summary>UserRegistered and UserDeleted through the real PostgreSQL transport, and account deletion publishing UserDeleted.</summary>
[Collection(UsersServiceCollection.Name)]
public sealed class AccountEventsTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_UserRegistered_event_delivered_through_PostgreSQL_creates_the_profile()
    {
        var userId = TestData.NewUserId();

        await service.PublishAsync(new UserRegistered(userId, "ada@example.test", "Ada from registration"));

        await UsersServiceFixture.EventuallyAsync(
            () => service.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId, Ct)), "the profile to be created");
        var profile = await service.QueryAsync(db => db.Profiles.SingleAsync(p => p.UserId == userId, Ct));
        Assert.Equal(("ada@example.test", "Ada from registration"), (profile.Email, profile.DisplayName));
    }

    [Fact]
    public async Task A_display_name_longer_than_the_profile_holds_is_clipped_rather_than_failing_the_event()
    {
        var userId = TestData.NewUserId();

        await service.PublishAsync(new UserRegistered(userId, "long@example.test", new string('n', 300)));

        await UsersServiceFixture.EventuallyAsync(
            () => service.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId, Ct)), "the profile to be created");
        var profile = await service.QueryAsync(db => db.Profiles.SingleAsync(p => p.UserId == userId, Ct));
        Assert.Equal(new string('n', 100), profile.DisplayName);
    }

    [Fact]
    public async Task A_UserRegistered_arriving_after_the_first_sign_in_keeps_what_the_customer_set()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        await (await client.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Chosen name", null, true), Ct)).ReadAsync<ProfileResponse>();

        var registered = new UserRegistered(userId, $"{userId}@example.test", "Name at registration");
        await service.PublishAsync(registered);
        await WaitUntilHandledAsync(registered.Id);

        var profile = await (await client.GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();
        Assert.Equal("Chosen name", profile.DisplayName);
        Assert.Equal(1, await service.QueryAsync(db => db.Profiles.CountAsync(p => p.UserId == userId, Ct)));
    }

    [Fact]
    public async Task Deleting_the_account_publishes_UserDeleted_and_removes_profile_and_addresses()
    {
        var received = new ConcurrentQueue<UserDeleted>();
        await using var otherService = await service.Transport.SubscribeAsync(
            new SubscriptionSettings("users-tests-probe", [nameof(UserDeleted)]),
            (message, _) =>
            {
                received.Enqueue((UserDeleted)EventSerializer.Deserialize(message.Message, typeof(UserDeleted)));
                return Task.CompletedTask;
            }, Ct);
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        await client.AddAddressAsync(TestData.LondonAddress());
        await client.AddAddressAsync(TestData.BerlinAddress());

        var deleted = await client.DeleteAsync("/api/users/me", Ct);
        var deletedAgain = await client.DeleteAsync("/api/users/me", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedAgain.StatusCode);
        await UsersServiceFixture.EventuallyAsync(() => Task.FromResult(received.Any(e => e.UserId == userId)), "UserDeleted to be published");
        Assert.False(await service.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId, Ct)));
        Assert.False(await service.QueryAsync(db => db.Addresses.AnyAsync(a => a.UserId == userId, Ct)));
        await Task.Delay(500, Ct);
        Assert.Single(received, e => e.UserId == userId);
    }

    [Fact]
    public async Task A_still_valid_token_or_a_late_UserRegistered_does_not_bring_a_deleted_profile_back()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        await client.GetAsync("/api/users/me", Ct);
        await client.DeleteAsync("/api/users/me", Ct);

        var registered = new UserRegistered(userId, $"{userId}@example.test", "Late");
        await service.PublishAsync(registered);
        await WaitUntilHandledAsync(registered.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/users/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/users/me/addresses", TestData.LondonAddress(), Ct)).StatusCode);
        Assert.False(await service.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId, Ct)));
    }

    [Fact]
    public async Task A_UserDeleted_from_Auth_erases_the_data_and_a_repeat_is_harmless()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        await client.AddAddressAsync(TestData.LondonAddress());

        var first = new UserDeleted(userId);
        await service.PublishAsync(first);
        await service.PublishAsync(new UserDeleted(userId));
        await service.PublishAsync(first);
        await WaitUntilHandledAsync(first.Id);

        await UsersServiceFixture.EventuallyAsync(
            async () => await service.QueryAsync(db => db.DeletedUsers.CountAsync(d => d.UserId == userId, Ct)) == 1,
            "the tombstone");
        Assert.False(await service.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId, Ct)));
        Assert.False(await service.QueryAsync(db => db.Addresses.AnyAsync(a => a.UserId == userId, Ct)));
        Assert.Empty(await service.Transport.GetDeadLettersAsync("users", 100, Ct));
    }

    private Task WaitUntilHandledAsync(Guid messageId) =>
        UsersServiceFixture.EventuallyAsync(
            async () => await service.QueryAsync(db => db.Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox WHERE message_id = {messageId}")
                .SingleAsync(Ct)) > 0,
            $"message {messageId} to be handled");
}
