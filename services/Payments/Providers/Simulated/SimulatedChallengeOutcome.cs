namespace ECommerce.Payments.Providers.Simulated;

/// <summary>What the shopper does on the simulated bank's 3-D Secure page.</summary>
public enum SimulatedChallengeOutcome
{
    Approve,
    Fail,
    Abandon,
}
