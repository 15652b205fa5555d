using ECommerce.AI.Models;

namespace ECommerce.AI.Tests;

/// <summary>The population stability index on known distributions.</summary>
public sealed class DriftTests
{
    [Fact]
    public void Psi_of_an_unchanged_distribution_is_about_zero()
    {
        var random = new Random(3);
        var trained = FeatureProfile.Numeric("order value", Enumerable.Range(0, 5000).Select(_ => LogNormal(random)));
        var same = trained.Live(Enumerable.Range(0, 2000).Select(_ => LogNormal(random)));

        Assert.Equal(0, Psi.Compute(trained.Shares, trained.Shares), 9);
        Assert.True(Psi.Compute(trained.Shares, same.Shares) < 0.02, $"PSI {Psi.Compute(trained.Shares, same.Shares)}");
        Assert.Equal("stable", Psi.State(Psi.Compute(trained.Shares, same.Shares)));
    }

    [Fact]
    public void Psi_of_a_shifted_distribution_is_above_the_drift_threshold()
    {
        var random = new Random(4);
        var trained = FeatureProfile.Numeric("order value", Enumerable.Range(0, 5000).Select(_ => LogNormal(random)));
        var shifted = trained.Live(Enumerable.Range(0, 2000).Select(_ => LogNormal(random) * 2));

        var psi = Psi.Compute(trained.Shares, shifted.Shares);

        Assert.True(psi > Psi.Drift, $"PSI {psi}");
        Assert.Equal("drifted", Psi.State(psi));
        Assert.Equal("watch", Psi.State(0.15));
    }

    [Fact]
    public void Categories_outside_the_trained_top_fall_into_other()
    {
        var trained = FeatureProfile.Categorical("product", ["a", "a", "b", "c"], top: 2);
        var live = trained.Live(["z", "z", "a", "b"]);

        Assert.Equal(["a", "b"], trained.Categories!);
        Assert.Equal([0.25, 0.25, 0.5], live.Shares);
        Assert.True(Psi.Compute(trained.Shares, live.Shares) > 0);
    }

    private static double LogNormal(Random random)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(3 + 0.8 * gaussian);
    }
}
