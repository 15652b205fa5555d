namespace ECommerce.AppHost.Infrastructure;

/// <summary>Ports for what listens on loopback without DCP's proxy in front (a local server, a service run once).</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nothing listens on now (the kernel's pick); it stays the resource's across its restarts.</summary>
    public static int Free()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
