using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FakeGcore;

/// <summary>Authentication, routing, query parsing and body parsing for <c>/cdn/origin_groups</c>.</summary>
internal sealed class OriginGroupsEndpoint
{
    private const string CollectionPath = "/cdn/origin_groups";

    private readonly OriginGroupStore _store;
    private readonly string _apiKey;

    public OriginGroupsEndpoint(OriginGroupStore store, string apiKey)
    {
        _store = store;
        _apiKey = apiKey;
    }

    public ApiResponse Handle(HttpRequest request, string body)
    {
        var authProblem = Authenticate(request);
        if (authProblem is not null)
        {
            return authProblem;
        }

        var path = request.Path.Value ?? "/";
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path == CollectionPath)
        {
            return request.Method switch
            {
                "GET" => List(request),
                "POST" => WithObjectBody(request, body, _store.Create),
                _ => MethodNotAllowed(request.Method, "GET, POST"),
            };
        }

        if (!path.StartsWith(CollectionPath + "/", StringComparison.Ordinal))
        {
            return ApiResponse.NotFound();
        }

        // The id segment must be a non-negative integer (Django's <int:...> converter); anything else is an unknown URL.
        var segment = path[(CollectionPath.Length + 1)..];
        if (segment.Length == 0 || !segment.All(char.IsAsciiDigit)
            || !int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return ApiResponse.NotFound();
        }

        return request.Method switch
        {
            "GET" => _store.Get(id),
            "PUT" => WithObjectBody(request, body, json => _store.Update(id, json, WriteMode.Replace)),
            "PATCH" => WithObjectBody(request, body, json => _store.Update(id, json, WriteMode.Patch)),
            "DELETE" => _store.Delete(id),
            _ => MethodNotAllowed(request.Method, "GET, PUT, PATCH, DELETE"),
        };
    }

    /// <summary>Accepts <c>Authorization: APIKey &lt;key&gt;</c>, with the scheme compared case-insensitively.</summary>
    private ApiResponse? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return ApiResponse.Json(401, new JsonObject { ["message"] = Messages.MissingCredentials });
        }

        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        var token = space < 0 ? "" : header[(space + 1)..].Trim();
        var ok = string.Equals(scheme, "APIKey", StringComparison.OrdinalIgnoreCase) && string.Equals(token, _apiKey, StringComparison.Ordinal);
        return ok ? null : ApiResponse.Json(401, new JsonObject { ["message"] = Messages.InvalidCredentials });
    }

    private ApiResponse List(HttpRequest request)
    {
        var errors = new ErrorBag();
        var limit = ReadInt(request, "limit", 1, 1000, errors);
        var offset = ReadInt(request, "offset", 0, int.MaxValue, errors);
        var hasRelated = ReadBool(request, "has_related_resources", errors);
        if (errors.Any)
        {
            return ApiResponse.Json(400, errors.ToBody());
        }

        // Filters: "name" is an exact, case-sensitive match; "sources" matches a host source exactly (case-insensitively).
        var groups = _store.List(NonEmpty(request, "name"), NonEmpty(request, "sources"), hasRelated);
        if (limit is null)
        {
            // Without limit, Gcore answers a bare array and ignores offset.
            return ApiResponse.Json(200, ToArray(groups));
        }

        var skip = offset ?? 0;
        var page = groups.Skip(skip).Take(limit.Value).ToList();
        var envelope = new JsonObject
        {
            ["count"] = groups.Count,
            ["next"] = skip + limit.Value < groups.Count ? PageUrl(request, limit.Value, skip + limit.Value) : null,
            ["previous"] = skip > 0 ? PageUrl(request, limit.Value, Math.Max(0, skip - limit.Value)) : null,
            ["results"] = ToArray(page),
        };
        return ApiResponse.Json(200, envelope);
    }

    private static JsonArray ToArray(IEnumerable<StoredGroup> groups)
    {
        var array = new JsonArray();
        foreach (var group in groups)
        {
            array.Add(group.ToJson());
        }

        return array;
    }

    /// <summary>Absolute page link like Django REST framework's LimitOffsetPagination builds (offset dropped when it would be 0).</summary>
    private static string PageUrl(HttpRequest request, int limit, int offset)
    {
        var parts = new List<string>();
        foreach (var (key, values) in request.Query)
        {
            if (key is "limit" or "offset")
            {
                continue;
            }

            parts.AddRange(values.Select(v => Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(v ?? "")));
        }

        parts.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        if (offset > 0)
        {
            parts.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        }

        var url = new StringBuilder()
            .Append(request.Scheme).Append("://").Append(request.Host.Value)
            .Append(request.PathBase.Value).Append(request.Path.Value)
            .Append('?').Append(string.Join('&', parts));
        return url.ToString();
    }

    private static string? Last(HttpRequest request, string key) =>
        request.Query.TryGetValue(key, out var values) && values.Count > 0 ? values[values.Count - 1] : null;

    private static string? NonEmpty(HttpRequest request, string key) => Last(request, key) is { Length: > 0 } value ? value : null;

    private static int? ReadInt(HttpRequest request, string key, int min, int max, ErrorBag errors)
    {
        var raw = Last(request, key);
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(key, Messages.NotInteger);
            return null;
        }

        if (value < min)
        {
            errors.Add(key, $"Ensure this value is greater than or equal to {min}.");
        }
        else if (value > max)
        {
            errors.Add(key, $"Ensure this value is less than or equal to {max}.");
        }

        return value;
    }

    private static bool? ReadBool(HttpRequest request, string key, ErrorBag errors)
    {
        var raw = Last(request, key);
        switch (raw?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                errors.Add(key, Messages.NotBoolean);
                return null;
        }
    }

    /// <summary>Parses the body as a JSON object (an empty body counts as <c>{}</c>) and hands it on.</summary>
    private static ApiResponse WithObjectBody(HttpRequest request, string body, Func<JsonObject, ApiResponse> next)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return next(new JsonObject());
        }

        if (!IsJsonMediaType(request.ContentType))
        {
            var detail = $"Unsupported media type \"{request.ContentType ?? ""}\" in request.";
            return ApiResponse.Json(415, new JsonObject { ["detail"] = detail });
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            return ApiResponse.Json(400, new JsonObject { ["detail"] = "JSON parse error - " + ex.Message });
        }

        if (parsed is not JsonObject json)
        {
            return ApiResponse.FieldError("non_field_errors", Messages.ExpectedObject(JsonRead.PythonTypeName(parsed)));
        }

        return next(json);
    }

    private static bool IsJsonMediaType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is null)
        {
            return false;
        }

        var mediaType = parsed.MediaType;
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static ApiResponse MethodNotAllowed(string method, string allow) =>
        new(405, new JsonObject { ["detail"] = $"Method \"{method}\" not allowed." })
        {
            Headers = new Dictionary<string, string> { ["Allow"] = allow },
        };
}
