using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Tests;

/// <summary>
/// Answers in place of login.microsoftonline.com: the tenant-templated discovery document Entra publishes, and a
/// JWKS holding a locally generated key.
/// </summary>
public sealed class LocalEntraMetadata(RsaSecurityKey key) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        object body = path.EndsWith("/openid-configuration", StringComparison.Ordinal)
            ? new Dictionary<string, object>
            {
                ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["jwks_uri"] = "https://login.microsoftonline.com/common/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }
            : new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId }) } };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json"),
        });
    }
}
