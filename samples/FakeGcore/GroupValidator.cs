using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FakeGcore;

internal enum WriteMode
{
    Create,
    Replace,
    Patch,
}

/// <summary>Either the group to store or a 400 body.</summary>
internal sealed record ValidationOutcome(StoredGroup? Group, JsonObject? ErrorBody);

/// <summary>
/// Validates a POST/PUT/PATCH body against Gcore's rules and builds the resulting group.
/// POST and PUT take the body as the whole group; PATCH merges the top-level keys present in the body into the stored group.
/// </summary>
internal static class GroupValidator
{
    public static readonly IReadOnlyList<string> DefaultProxyNextUpstream = ["error", "timeout"];

    private static readonly HashSet<string> ProxyNextUpstreamValues = new(StringComparer.Ordinal)
    {
        "error", "timeout", "invalid_header",
        "http_403", "http_404", "http_429", "http_500", "http_502", "http_503", "http_504",
    };

    /// <param name="body">The request body.</param>
    /// <param name="mode">Which operation.</param>
    /// <param name="id">The id the group has (or will get).</param>
    /// <param name="existing">The stored group for PUT/PATCH, null for POST.</param>
    /// <param name="isNameTaken">Whether another group already has this name.</param>
    public static ValidationOutcome Validate(JsonObject body, WriteMode mode, int id, StoredGroup? existing, Func<string, bool> isNameTaken)
    {
        var errors = new ErrorBag();

        var name = ReadName(body, errors, isNameTaken);
        var useNext = ReadUseNext(body, mode, existing, errors);
        var proxyNextUpstream = ReadProxyNextUpstream(body, mode, existing, errors);
        var authType = ReadAuth(body, existing, errors);
        var path = ReadPath(body, existing, errors);
        var sources = ReadSources(body, mode, existing, errors);

        if (!errors.Any && useNext == true && (proxyNextUpstream is null || proxyNextUpstream.Count == 0))
        {
            errors.Add("proxy_next_upstream", Messages.UseNextNeedsCases);
        }

        if (!errors.Any)
        {
            SourceValidator.CheckGroupRules(sources!, errors);
        }

        if (errors.Any)
        {
            return new ValidationOutcome(null, errors.ToBody());
        }

        var group = new StoredGroup
        {
            Id = id,
            Name = name!,
            UseNext = useNext ?? false,
            ProxyNextUpstream = proxyNextUpstream ?? DefaultProxyNextUpstream,
            AuthType = authType,
            Path = path,
            Sources = sources!,
            UsedByResource = existing?.UsedByResource ?? false,
            UsedByRules = existing?.UsedByRules ?? false,
        };
        return new ValidationOutcome(group, null);
    }

    private static string? ReadName(JsonObject body, ErrorBag errors, Func<string, bool> isNameTaken)
    {
        // Every write requires name, PATCH included (the "None Auth" variant of OriginGroupUpdateParams requires it).
        if (!body.TryGetPropertyValue("name", out var node))
        {
            errors.Add("name", Messages.Required);
            return null;
        }

        if (node is null)
        {
            errors.Add("name", Messages.NotNull);
            return null;
        }

        if (!JsonRead.TryString(node, out var raw))
        {
            errors.Add("name", Messages.NotString);
            return null;
        }

        var name = raw.Trim();
        if (name.Length == 0)
        {
            errors.Add("name", Messages.Blank);
        }
        else if (JsonRead.CodePoints(name) > 255)
        {
            errors.Add("name", Messages.TooLong255);
        }
        else if (isNameTaken(name))
        {
            errors.Add("name", Messages.NameNotUnique);
        }

        return name;
    }

    private static bool? ReadUseNext(JsonObject body, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        if (!body.TryGetPropertyValue("use_next", out var node))
        {
            switch (mode)
            {
                case WriteMode.Replace:
                    errors.Add("use_next", Messages.Required);
                    return null;
                case WriteMode.Patch:
                    return existing!.UseNext;
                default:
                    return false;
            }
        }

        if (node is null)
        {
            errors.Add("use_next", Messages.NotNull);
            return null;
        }

        if (!JsonRead.TryBool(node, out var value))
        {
            errors.Add("use_next", Messages.NotBoolean);
            return null;
        }

        return value;
    }

    /// <summary>Returns null when absent (POST/PUT); an explicit JSON null is treated as absent.</summary>
    private static IReadOnlyList<string>? ReadProxyNextUpstream(JsonObject body, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        if (!body.TryGetPropertyValue("proxy_next_upstream", out var node) || node is null)
        {
            return mode == WriteMode.Patch ? existing!.ProxyNextUpstream : null;
        }

        if (node is not JsonArray array)
        {
            errors.Add("proxy_next_upstream", Messages.ExpectedList(JsonRead.PythonTypeName(node)));
            return null;
        }

        var values = new List<string>();
        foreach (var item in array)
        {
            if (!JsonRead.TryString(item, out var value))
            {
                errors.Add("proxy_next_upstream", Messages.NotString);
            }
            else if (!ProxyNextUpstreamValues.Contains(value))
            {
                errors.Add("proxy_next_upstream", Messages.NotAChoice(value));
            }
            else
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string ReadAuth(JsonObject body, StoredGroup? existing, ErrorBag errors)
    {
        var authType = existing?.AuthType ?? "none";
        if (body.TryGetPropertyValue("auth_type", out var node) && node is not null)
        {
            if (!JsonRead.TryString(node, out var value) || (value != "none" && value != "awsSignatureV4"))
            {
                errors.Add("auth_type", Messages.AuthTypeInvalid);
                return authType;
            }

            if (value == "awsSignatureV4")
            {
                errors.Add("auth_type", Messages.AwsVariantUnsupported);
                return authType;
            }

            authType = value;
        }

        if (body.TryGetPropertyValue("auth", out var auth) && auth is not null)
        {
            errors.Add("auth", Messages.AuthWithNone);
        }

        return authType;
    }

    private static string ReadPath(JsonObject body, StoredGroup? existing, ErrorBag errors)
    {
        var path = existing?.Path ?? "";
        if (body.TryGetPropertyValue("path", out var node) && node is not null)
        {
            if (JsonRead.TryString(node, out var value))
            {
                return value;
            }

            errors.Add("path", Messages.NotString);
        }

        return path;
    }

    private static IReadOnlyList<StoredSource>? ReadSources(JsonObject body, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        if (!body.TryGetPropertyValue("sources", out var node) || node is null)
        {
            if (mode == WriteMode.Patch)
            {
                return existing!.Sources;
            }

            errors.Add("sources", Messages.Required);
            return null;
        }

        if (node is not JsonArray array)
        {
            errors.Add("sources", Messages.ExpectedList(JsonRead.PythonTypeName(node)));
            return null;
        }

        if (array.Count == 0)
        {
            // OriginGroupIsEmptyError reports under "source", not "sources".
            errors.Add("source", Messages.GroupIsEmpty);
            return null;
        }

        return SourceValidator.ReadAll(array, mode, existing, errors);
    }
}
