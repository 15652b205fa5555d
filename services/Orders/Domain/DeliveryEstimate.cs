namespace ECommerce.Orders.Domain;

/// <summary>The dates a shopper may expect delivery: business days (Monday to Friday) after the order's day.</summary>
public static class DeliveryEstimate
{
    public static (DateOnly Earliest, DateOnly Latest) From(DateOnly ordered, int minDays, int maxDays) =>
        (AddBusinessDays(ordered, minDays), AddBusinessDays(ordered, Math.Max(minDays, maxDays)));

    private static DateOnly AddBusinessDays(DateOnly day, int count)
    {
        while (count > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count--;
            }
        }

        return day;
    }
}
