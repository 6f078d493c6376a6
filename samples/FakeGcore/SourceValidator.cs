using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeGcore;

/// <summary>
/// Parses and validates the <c>sources</c> array. Per-source errors are keyed by the source value
/// (host sources), the bucket name (S3) or the app id (FastEdge); when there is no such value,
/// by <c>s3_entry_&lt;index&gt;</c>, <c>fastedge_entry_&lt;index&gt;</c> or <c>entry_&lt;index&gt;</c>.
/// </summary>
internal static partial class SourceValidator
{
    private static readonly HashSet<string> UnresolvableTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "invalid", "test", "example", "local",
    };

    public static IReadOnlyList<StoredSource> ReadAll(JsonArray array, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        var result = new List<StoredSource>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                errors.AddSource($"entry_{i}", "non_field_errors", Messages.ExpectedObject(JsonRead.PythonTypeName(array[i])));
                continue;
            }

            var source = ReadOne(item, i, mode, existing, errors);
            if (source is not null)
            {
                result.Add(source);
            }
        }

        CheckUniqueness(result, errors);
        return result;
    }

    /// <summary>Group-level rules, checked once every source is valid on its own.</summary>
    public static void CheckGroupRules(IReadOnlyList<StoredSource> sources, ErrorBag errors)
    {
        var firstKey = sources[0].Key;
        if (sources.All(s => s.Backup))
        {
            errors.AddSource(firstKey, "backup", Messages.AllSourcesBackup);
        }

        if (!sources.Any(s => s.Enabled))
        {
            errors.AddSource(firstKey, "enabled", Messages.NoSourceEnabled);
        }
    }

    private static StoredSource? ReadOne(JsonObject item, int index, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        var kind = ResolveKind(item, index, mode, existing, errors);
        if (kind is null)
        {
            return null;
        }

        var before = errors.Version;
        StoredSource? parsed = kind switch
        {
            SourceKind.Host => ReadHost(item, index, errors),
            SourceKind.S3 => ReadS3(item, index, errors),
            _ => ReadFastEdge(item, index, errors),
        };
        if (parsed is null)
        {
            return null;
        }

        // On PATCH, flags a source omits are kept from the matching stored source (same kind and key).
        var previous = mode == WriteMode.Patch
            ? existing?.Sources.FirstOrDefault(s => s.Kind == parsed.Kind && string.Equals(s.Key, parsed.Key, StringComparison.OrdinalIgnoreCase))
            : null;
        var key = parsed.Key;
        var backup = ReadFlag(item, "backup", key, previous?.Backup ?? false, errors);
        var enabled = ReadFlag(item, "enabled", key, previous?.Enabled ?? true, errors);
        var hostHeader = ReadHostHeaderOverride(item, key, previous?.HostHeaderOverride, errors);
        return errors.Version != before ? null : parsed with { Backup = backup, Enabled = enabled, HostHeaderOverride = hostHeader };
    }

    private static SourceKind? ResolveKind(JsonObject item, int index, WriteMode mode, StoredGroup? existing, ErrorBag errors)
    {
        if (item.TryGetPropertyValue("origin_type", out var typeNode) && typeNode is not null)
        {
            switch (JsonRead.TryString(typeNode, out var type) ? type : null)
            {
                case "host":
                    return SourceKind.Host;
                case "s3":
                    return SourceKind.S3;
                case "fastedge":
                    return SourceKind.FastEdge;
                default:
                    errors.AddSource($"entry_{index}", "origin_type", Messages.NotAChoice(typeNode.ToJsonString()));
                    return null;
            }
        }

        // No origin_type: a "source" makes it a host source; otherwise a "config" makes it an S3 source.
        if (item.ContainsKey("source") || item["config"] is null)
        {
            return SourceKind.Host;
        }

        if (mode == WriteMode.Create)
        {
            return SourceKind.S3;
        }

        // On PUT/PATCH an S3 source without origin_type must match a stored S3 source by bucket name.
        var bucket = JsonRead.TryString(item["config"]?["s3_bucket_name"], out var b) ? b : null;
        var known = bucket is not null && existing is not null
            && existing.Sources.Any(s => s.Kind == SourceKind.S3 && s.S3!.BucketName == bucket);
        if (known)
        {
            return SourceKind.S3;
        }

        errors.AddSource(string.IsNullOrEmpty(bucket) ? $"s3_entry_{index}" : bucket, "origin_type", Messages.OriginTypeRequiredForNewS3(bucket ?? ""));
        return null;
    }

    private static StoredSource? ReadHost(JsonObject item, int index, ErrorBag errors)
    {
        if (!item.TryGetPropertyValue("source", out var node) || node is null)
        {
            // OriginSourceIsRequiredError: reported at the top level under "source".
            errors.Add("source", Messages.Required);
            return null;
        }

        if (!JsonRead.TryString(node, out var raw))
        {
            errors.AddSource($"entry_{index}", "source", Messages.NotString);
            return null;
        }

        var source = raw.Trim();
        if (source.Length == 0)
        {
            errors.Add("source", Messages.Blank);
            return null;
        }

        var problem = CheckSourceValue(source);
        if (problem is not null)
        {
            errors.AddSource(source, "source", problem);
            return null;
        }

        return new StoredSource { Kind = SourceKind.Host, Source = source };
    }

    /// <summary>Checks a host origin value ("host" or "host:port"); returns the error text or null.</summary>
    internal static string? CheckSourceValue(string source)
    {
        if (JsonRead.CodePoints(source) > 255)
        {
            return Messages.TooLong255;
        }

        if (SchemeRegex().IsMatch(source))
        {
            return Messages.SourceHasScheme;
        }

        if (source.Contains('/'))
        {
            return Messages.SourceHasPath;
        }

        var parts = source.Split(':');
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            return Messages.SourceInvalid;
        }

        if (parts.Length == 2 && !IsValidPort(parts[1]))
        {
            return Messages.SourceWrongPort;
        }

        var host = parts[0].TrimEnd('.').ToLowerInvariant();
        if (DottedNumbersRegex().IsMatch(host))
        {
            return IPAddress.TryParse(host, out var ip) && host.Split('.').Length == 4 ? CheckIp(ip.GetAddressBytes()) : Messages.SourceInvalid;
        }

        if (!HostnameRegex().IsMatch(host))
        {
            return Messages.SourceInvalid;
        }

        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return Messages.SourcePrivateNetwork;
        }

        // A single label, or a reserved TLD, stands in for "the domain does not resolve".
        var lastDot = host.LastIndexOf('.');
        return lastDot < 0 || UnresolvableTlds.Contains(host[(lastDot + 1)..]) ? Messages.SourceNotResolved : null;
    }

    private static bool IsValidPort(string port) =>
        port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit)
        && int.Parse(port, CultureInfo.InvariantCulture) is >= 1 and <= 65535;

    private static string? CheckIp(byte[] b)
    {
        var isPrivate = b[0] == 10 || b[0] == 127 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
        if (isPrivate)
        {
            return Messages.SourcePrivateNetwork;
        }

        var isReserved = b[0] == 0 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113);
        return isReserved ? Messages.SourceReservedIp : null;
    }

    private static StoredSource? ReadS3(JsonObject item, int index, ErrorBag errors)
    {
        var config = item["config"];
        var key = JsonRead.TryString(config?["s3_bucket_name"], out var bucketKey) && bucketKey.Trim().Length > 0
            ? bucketKey.Trim()
            : $"s3_entry_{index}";
        if (config is null)
        {
            errors.AddSource(key, "config", Messages.Required);
            return null;
        }

        if (config is not JsonObject cfg)
        {
            errors.AddSource(key, "config", Messages.ExpectedObject(JsonRead.PythonTypeName(config)));
            return null;
        }

        var before = errors.Version;
        var s3Type = RequiredString(cfg, "s3_type", key, errors);
        if (s3Type is not null && s3Type != "amazon" && s3Type != "other")
        {
            errors.AddSourceConfig(key, "s3_type", Messages.NotAChoice(s3Type));
        }

        var bucket = RequiredString(cfg, "s3_bucket_name", key, errors);
        if (bucket is not null && JsonRead.CodePoints(bucket) > 256)
        {
            errors.AddSourceConfig(key, "s3_bucket_name", Messages.TooLong256);
        }

        var accessKey = RequiredString(cfg, "s3_access_key_id", key, errors);
        if (accessKey is not null && !AccessKeyRegex().IsMatch(accessKey))
        {
            errors.AddSourceConfig(key, "s3_access_key_id", Messages.AccessKeyInvalid);
        }

        var secret = RequiredString(cfg, "s3_secret_access_key", key, errors);
        if (secret is not null && !SecretKeyRegex().IsMatch(secret))
        {
            errors.AddSourceConfig(key, "s3_secret_access_key", Messages.SecretKeyInvalid);
        }

        var region = OptionalString(cfg, "s3_region", key, errors);
        if (s3Type == "amazon" && string.IsNullOrWhiteSpace(region))
        {
            errors.AddSourceConfig(key, "s3_region", Messages.RegionRequiredForAmazon);
        }

        var hostname = OptionalString(cfg, "s3_storage_hostname", key, errors);
        if (s3Type == "other" && string.IsNullOrWhiteSpace(hostname))
        {
            errors.AddSourceConfig(key, "s3_storage_hostname", Messages.HostnameRequiredForOther);
        }

        var authType = OptionalString(cfg, "s3_auth_type", key, errors) ?? "awsSignatureV4";
        if (authType != "awsSignatureV4")
        {
            errors.AddSourceConfig(key, "s3_auth_type", Messages.NotAChoice(authType));
        }

        if (errors.Version != before)
        {
            return null;
        }

        return new StoredSource
        {
            Kind = SourceKind.S3,
            S3 = new S3Settings(s3Type!, bucket!, region, hostname, accessKey!, secret!, authType),
        };
    }

    private static StoredSource? ReadFastEdge(JsonObject item, int index, ErrorBag errors)
    {
        var config = item["config"];
        var key = JsonRead.TryString(config?["app_id"], out var appKey) && appKey.Trim().Length > 0 ? appKey.Trim() : $"fastedge_entry_{index}";
        if (config is not JsonObject cfg)
        {
            errors.AddSource(key, "config", config is null ? Messages.Required : Messages.ExpectedObject(JsonRead.PythonTypeName(config)));
            return null;
        }

        var appId = RequiredString(cfg, "app_id", key, errors);
        return appId is null ? null : new StoredSource { Kind = SourceKind.FastEdge, FastEdgeAppId = appId };
    }

    private static string? RequiredString(JsonObject config, string field, string key, ErrorBag errors)
    {
        if (!config.TryGetPropertyValue(field, out var node) || node is null)
        {
            errors.AddSourceConfig(key, field, Messages.Required);
            return null;
        }

        if (!JsonRead.TryString(node, out var value))
        {
            errors.AddSourceConfig(key, field, Messages.NotString);
            return null;
        }

        value = value.Trim();
        if (value.Length == 0)
        {
            errors.AddSourceConfig(key, field, Messages.Blank);
            return null;
        }

        return value;
    }

    private static string? OptionalString(JsonObject config, string field, string key, ErrorBag errors)
    {
        var node = config[field];
        if (node is null)
        {
            return null;
        }

        if (!JsonRead.TryString(node, out var value))
        {
            errors.AddSourceConfig(key, field, Messages.NotString);
            return null;
        }

        return value.Trim().Length == 0 ? null : value.Trim();
    }

    private static bool ReadFlag(JsonObject item, string field, string key, bool fallback, ErrorBag errors)
    {
        if (!item.TryGetPropertyValue(field, out var node))
        {
            return fallback;
        }

        if (node is null)
        {
            errors.AddSource(key, field, Messages.NotNull);
            return fallback;
        }

        if (!JsonRead.TryBool(node, out var value))
        {
            errors.AddSource(key, field, Messages.NotBoolean);
            return fallback;
        }

        return value;
    }

    private static string? ReadHostHeaderOverride(JsonObject item, string key, string? fallback, ErrorBag errors)
    {
        if (!item.TryGetPropertyValue("host_header_override", out var node))
        {
            return fallback;
        }

        if (node is null)
        {
            return null; // explicit null clears it
        }

        if (!JsonRead.TryString(node, out var value))
        {
            errors.AddSource(key, "host_header_override", Messages.NotString);
            return fallback;
        }

        if (JsonRead.CodePoints(value) > 255)
        {
            errors.AddSource(key, "host_header_override", Messages.TooLong255);
        }

        return value;
    }

    private static void CheckUniqueness(List<StoredSource> sources, ErrorBag errors)
    {
        foreach (var duplicate in sources.GroupBy(s => (s.Kind, Key: s.Key.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            var (kind, _) = duplicate.Key;
            var key = duplicate.First().Key;
            switch (kind)
            {
                case SourceKind.Host:
                    errors.AddSource(key, "source", Messages.SourceNotUnique);
                    break;
                case SourceKind.S3:
                    errors.AddSource(key, "config", Messages.BucketNotUnique);
                    break;
                default:
                    errors.AddSource(key, "config", Messages.AppIdNotUnique);
                    break;
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"^[0-9.]+$")]
    private static partial Regex DottedNumbersRegex();

    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostnameRegex();

    [GeneratedRegex("^[A-Za-z0-9:_-]{4,255}$")]
    private static partial Regex AccessKeyRegex();

    [GeneratedRegex("^[A-Za-z0-9+/:_-]{16,255}$")]
    private static partial Regex SecretKeyRegex();
}
