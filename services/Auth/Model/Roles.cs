namespace ECommerce.Auth.Model;

/// <summary>The roles tokens carry in their <c>role</c> claim; services authorize on them by policy name.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static readonly string[] All = [Customer, Admin];
}
