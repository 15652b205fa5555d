namespace ECommerce.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and Redis come from for this run.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers with data volumes, through Docker or Podman.</summary>
    Containers,

    /// <summary>The machine's own server binaries started as executable resources.</summary>
    Local,

    /// <summary>Existing servers named by connection strings in configuration (Azure, CI, a shared server).</summary>
    External,
}

/// <summary>The chosen mode and why, so the choice can be logged and tested.</summary>
public sealed record InfrastructureChoice(InfrastructureMode Mode, string Reason);

/// <summary>Chooses the infrastructure mode: an explicit request wins; otherwise containers when a runtime answers, else local.</summary>
public static class InfrastructureModeSelector
{
    public static InfrastructureChoice Select(string? requested, Func<string?> detectContainerRuntime)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            // Names only: Enum.TryParse would also accept "1" or "0, 2".
            var name = Enum.GetNames<InfrastructureMode>().FirstOrDefault(n => n.Equals(requested.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                throw new InfrastructureException(
                    $"Unknown infrastructure mode '{requested}'. Use --infra containers, --infra local or --infra external.");
            }

            var mode = Enum.Parse<InfrastructureMode>(name);
            if (mode == InfrastructureMode.Containers && detectContainerRuntime() is null)
            {
                throw new InfrastructureException(
                    "--infra containers was requested but no container runtime answers ('docker info' and 'podman info' both " +
                    "failed). Start Docker or Podman, or run with --infra local to use the machine's PostgreSQL and Redis.");
            }

            return new InfrastructureChoice(mode, "requested with --infra");
        }

        var runtime = detectContainerRuntime();
        return runtime is not null
            ? new InfrastructureChoice(InfrastructureMode.Containers, $"{runtime} answers")
            : new InfrastructureChoice(InfrastructureMode.Local, "no container runtime answers (docker/podman info failed)");
    }
}
