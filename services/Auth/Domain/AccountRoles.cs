namespace ECommerce.Auth.Domain;

/// <summary>The roles an account can hold: the shared <see cref="Roles"/> except the service role, which only clients get.</summary>
public static class AccountRoles
{
    public static readonly string[] All = [Roles.Customer, Roles.Admin];
}
