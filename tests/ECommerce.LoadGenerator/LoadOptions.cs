using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>What to run: where the gateway is, how many virtual shoppers, how fast they arrive and for how long.</summary>
public sealed record LoadOptions(Uri Gateway, int Users, TimeSpan Ramp, TimeSpan Duration, int Seed)
{
    public static LoadOptions Parse(string[] args)
    {
        string Text(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new LoadOptions(
            new Uri(Text("--gateway", "http://localhost:5080")),
            Number("--users", 20),
            TimeSpan.FromSeconds(Number("--ramp", 10)),
            TimeSpan.FromSeconds(Number("--duration", 60)),
            Number("--seed", 42));
    }
}
