using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ECommerce.Users.Persistence;

internal static class DbUpdateExceptionExtensions
{
    /// <summary>Another request or the event handler inserted the same row first (primary key or unique index).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// A row this change updates or deletes, or the profile a new address belongs to, was deleted in the meantime
    /// (a concurrent deletion).
    /// </summary>
    public static bool IsRowGone(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
