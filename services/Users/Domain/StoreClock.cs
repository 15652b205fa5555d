namespace ECommerce.Users.Domain;

/// <summary>The time as PostgreSQL stores it.</summary>
public static class StoreClock
{
    /// <summary>
    /// Now, cut to whole microseconds: <c>timestamptz</c> keeps microseconds, so a value with .NET's 100 ns ticks
    /// would answer differently before and after a round trip through the database.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
