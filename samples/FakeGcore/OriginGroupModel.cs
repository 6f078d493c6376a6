using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FakeGcore;

internal enum SourceKind
{
    Host,
    S3,
    FastEdge,
}

/// <summary>Inline S3 origin settings. Secrets are stored as sent and masked on output.</summary>
internal sealed record S3Settings(
    string Type,
    string BucketName,
    string? Region,
    string? StorageHostname,
    string AccessKeyId,
    string SecretAccessKey,
    string AuthType);

/// <summary>One origin source of a group (host, S3 or FastEdge).</summary>
internal sealed record StoredSource
{
    public const string SecretMask = "SECRET_VALUE";

    public required SourceKind Kind { get; init; }
    public string? Source { get; init; }
    public S3Settings? S3 { get; init; }
    public string? FastEdgeAppId { get; init; }
    public bool Backup { get; init; }
    public bool Enabled { get; init; } = true;
    public string? HostHeaderOverride { get; init; }

    /// <summary>The identity used to match sources across updates: host source, S3 bucket name or FastEdge app id.</summary>
    public string Key => Kind switch
    {
        SourceKind.Host => Source ?? "",
        SourceKind.S3 => S3?.BucketName ?? "",
        _ => FastEdgeAppId ?? "",
    };

    public JsonObject ToJson(bool revealSecrets)
    {
        var json = new JsonObject();
        switch (Kind)
        {
            case SourceKind.Host:
                // Host sources come back without origin_type (per the spec's origin_type description).
                json["source"] = Source;
                break;
            case SourceKind.S3:
                var s3 = S3!;
                json["origin_type"] = "s3";
                json["config"] = new JsonObject
                {
                    ["s3_type"] = s3.Type,
                    ["s3_bucket_name"] = s3.BucketName,
                    ["s3_region"] = s3.Region,
                    ["s3_storage_hostname"] = s3.StorageHostname,
                    ["s3_access_key_id"] = revealSecrets ? s3.AccessKeyId : SecretMask,
                    ["s3_secret_access_key"] = revealSecrets ? s3.SecretAccessKey : SecretMask,
                    ["s3_auth_type"] = s3.AuthType,
                };
                break;
            case SourceKind.FastEdge:
                json["origin_type"] = "fastedge";
                json["config"] = new JsonObject { ["app_id"] = FastEdgeAppId };
                break;
        }

        json["backup"] = Backup;
        json["enabled"] = Enabled;
        json["host_header_override"] = HostHeaderOverride;
        return json;
    }
}

/// <summary>A stored origin group ("None Auth" variant only).</summary>
internal sealed record StoredGroup
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public bool UseNext { get; init; }
    public required IReadOnlyList<string> ProxyNextUpstream { get; init; }
    public string AuthType { get; init; } = "none";
    public string Path { get; init; } = "";
    public required IReadOnlyList<StoredSource> Sources { get; init; }
    public bool UsedByResource { get; init; }
    public bool UsedByRules { get; init; }

    public bool HasRelatedResources => UsedByResource;

    public JsonObject ToJson(bool revealSecrets = false)
    {
        var proxyNextUpstream = new JsonArray();
        foreach (var value in ProxyNextUpstream)
        {
            proxyNextUpstream.Add(value);
        }

        var sources = new JsonArray();
        foreach (var source in Sources)
        {
            sources.Add(source.ToJson(revealSecrets));
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["use_next"] = UseNext,
            ["proxy_next_upstream"] = proxyNextUpstream,
            ["auth_type"] = AuthType,
            ["path"] = Path,
            ["sources"] = sources,
            ["has_related_resources"] = HasRelatedResources,
        };
    }
}
