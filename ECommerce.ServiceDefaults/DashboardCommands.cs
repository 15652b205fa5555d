using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Commands the Aspire dashboard offers on a service's resource (e.g. "Train models now"). Each is a
/// <c>POST /dev/commands/{name}</c> that exists only in Development and only when the AppHost gave the service a key
/// (<c>Dashboard:CommandKey</c>, generated into the AppHost's user secrets); the dashboard's request carries the key in a
/// header, and any other caller gets 404. Deployed services never map them.
/// </summary>
public static class DashboardCommands
{
    public const string KeyHeader = "X-Dashboard-Command-Key";
    public const string KeySetting = "Dashboard:CommandKey";

    /// <summary>Maps the command when the service runs under the AppHost in Development; the delegate says what it did.</summary>
    public static WebApplication MapDashboardCommand(this WebApplication app, string name, Func<IServiceProvider, CancellationToken, Task<string>> run)
    {
        var key = app.Configuration[KeySetting];
        if (!app.Environment.IsDevelopment() || string.IsNullOrEmpty(key))
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(key);
        app.MapPost($"/dev/commands/{name}", async (HttpContext http, CancellationToken cancellationToken) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers[KeyHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return Results.NotFound();
            }

            return Results.Text(await run(http.RequestServices, cancellationToken));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
