namespace ECommerce.Users.Domain;

/// <summary>
/// A tombstone: the user's data was deleted. It keeps a late <c>UserRegistered</c> or a still-valid access token from
/// quietly creating a new profile for someone who asked to be forgotten. It holds the opaque id and a time, nothing else.
/// </summary>
public sealed class DeletedUser
{
    public required string UserId { get; init; }

    public DateTimeOffset DeletedAt { get; init; }
}
