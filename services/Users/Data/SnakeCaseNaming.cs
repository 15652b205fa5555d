using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Data;

/// <summary>Column names in snake_case, as the messaging tables and hand-written SQL expect (no naming-convention package here).</summary>
internal static class SnakeCaseNaming
{
    public static ModelBuilder UseSnakeCaseColumns(this ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            // Only names EF made up; an explicit HasColumnName stays as written.
            if (property.GetColumnName() == property.Name)
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }

        return modelBuilder;
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
