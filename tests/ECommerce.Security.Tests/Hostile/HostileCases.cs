using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using ECommerce.Security.Tests.Endpoints;
using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Security.Tests.Hostile;

/// <summary>
/// Generates the hostile requests from the endpoint list: per body field (one field changed in an otherwise valid
/// body), per body (malformed, wrong content types, duplicated keys, deep nesting), per route parameter and per
/// numeric or cursor query parameter. Endpoints that take no JSON body get only the route and query cases.
/// </summary>
public static class HostileCases
{
    private const string Marker = "\"__hostile__\"";

    public static IEnumerable<HostileCase> For(ApiEndpoint endpoint, Resources resources)
    {
        var url = RouteValues.Url(endpoint, resources);
        if (AcceptsJson(endpoint))
        {
            if (!BodyTemplates.ByEndpoint.TryGetValue(endpoint.Key, out var template))
            {
                throw new InvalidOperationException($"{endpoint} reads a JSON body but has no template in BodyTemplates.");
            }

            var json = template.Json.Replace("{product}", resources.ProductId.ToString(), StringComparison.Ordinal)
                .Replace("{order}", resources.OrderOfA.ToString(), StringComparison.Ordinal);
            foreach (var (field, kind) in template.Fields)
            {
                foreach (var (category, value) in HostileValues.For(kind))
                {
                    yield return Case(endpoint, category, $"{field} = {Shorten(value)}", url, template, Mutate(json, field, value), "application/json");
                }
            }

            // An optional body (a cancel's reason) may be left out or empty: "", null and {} are then valid, not hostile.
            var optional = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.IsOptional == true;
            foreach (var (category, what, body, contentType) in WholeBodies(json).Where(b => !(optional && b.Body is "" or "null" or "{}")))
            {
                yield return Case(endpoint, category, what, url, template, body, contentType);
            }
        }

        foreach (var upload in UploadCases.For(endpoint, url, SecurityFixture.MaxImageBytes))
        {
            yield return upload;
        }

        foreach (var parameter in endpoint.Parameters)
        {
            var guid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            foreach (var (category, value) in guid ? HostileValues.ForRouteGuid : HostileValues.ForRouteText)
            {
                var hostileUrl = RouteValues.Url(endpoint, resources, new Dictionary<string, string> { [parameter.Name] = value });
                yield return Case(endpoint, category, $"{{{parameter.Name}}} = {Shorten(value)}", hostileUrl, null, endpoint.HasBody ? "{}" : null, "application/json");
            }
        }

        foreach (var (name, values) in QueryParameters(endpoint))
        {
            foreach (var (category, value) in values)
            {
                yield return Case(endpoint, category, $"?{name}={Shorten(value)}", $"{url}?{name}={value}", null, endpoint.HasBody ? "{}" : null, "application/json");
            }
        }
    }

    private static IEnumerable<(string Category, string What, string Body, string ContentType)> WholeBodies(string json)
    {
        yield return ("malformed JSON", "truncated JSON", json[..(json.Length / 2)], "application/json");
        yield return ("malformed JSON", "empty body", "", "application/json");
        yield return ("malformed JSON", "raw NUL byte", "{\"a\":\"\0\"}", "application/json");
        yield return ("wrong type", "array instead of object", "[]", "application/json");
        yield return ("wrong type", "JSON null", "null", "application/json");
        yield return ("wrong type", "string instead of object", "\"text\"", "application/json");
        yield return ("missing fields", "empty object", "{}", "application/json");
        yield return ("wrong content type", "text/plain", json, "text/plain");
        yield return ("wrong content type", "form", "a=1&b=2", "application/x-www-form-urlencoded");
        yield return ("wrong content type", "xml", "<a>1</a>", "application/xml");
        yield return ("duplicated keys", "first key repeated", DuplicateFirstKey(json), "application/json");
        yield return ("malformed JSON", "nested 200 deep", new string('[', 200) + new string(']', 200), "application/json");
    }

    private static HostileCase Case(ApiEndpoint endpoint, string category, string what, string url, BodyTemplate? template, string? body, string contentType) =>
        new(endpoint, category, what, () =>
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            foreach (var (name, value) in template?.Headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value.Replace("{key}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
            }

            return request;
        });

    /// <summary>The template with one field (a path such as <c>lines[0].quantity</c>) replaced by raw JSON.</summary>
    private static string Mutate(string json, string path, string rawValue)
    {
        var root = JsonNode.Parse(json)!;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = steps[i].StartsWith('[') ? node![int.Parse(steps[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)] : node![steps[i]];
        }

        node!.AsObject()[steps[^1]] = JsonValue.Create("__hostile__");
        return root.ToJsonString().Replace(Marker, rawValue, StringComparison.Ordinal);
    }

    private static string DuplicateFirstKey(string json)
    {
        var first = JsonNode.Parse(json)!.AsObject().First();
        return "{" + $"\"{first.Key}\":{first.Value!.ToJsonString()}," + json.TrimStart()[1..];
    }

    private static bool AcceptsJson(ApiEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))
        || BodyTemplates.ByEndpoint.ContainsKey(endpoint.Key);

    /// <summary>Query parameters the handler binds that must parse: numbers and cursors (free text such as a search query may be anything).</summary>
    private static IEnumerable<(string Name, (string Category, string Url)[] Values)> QueryParameters(ApiEndpoint endpoint)
    {
        var routeNames = endpoint.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Flatten(endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()))
        {
            if (parameter.Name is null || routeNames.Contains(parameter.Name) || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type == typeof(string) && parameter.Name!.Contains("cursor", StringComparison.OrdinalIgnoreCase))
            {
                yield return (parameter.Name, HostileValues.ForCursor);
            }
            else if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
            {
                yield return (parameter.Name!, HostileValues.ForNumber);
            }
        }
    }

    /// <summary>Handler parameters, with [AsParameters] records opened into their constructor parameters.</summary>
    private static IEnumerable<ParameterInfo> Flatten(IEnumerable<IParameterBindingMetadata> parameters)
    {
        foreach (var parameter in parameters.Select(p => p.ParameterInfo))
        {
            if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Http.AsParametersAttribute>() is not null)
            {
                foreach (var inner in parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters())
                {
                    yield return inner;
                }
            }
            else
            {
                yield return parameter;
            }
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..20] + $"…({value.Length} chars)" : value;
}
