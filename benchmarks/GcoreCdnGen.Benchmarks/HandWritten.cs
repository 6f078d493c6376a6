using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GcoreCdnGen.Benchmarks.HandWritten;

// What a careful developer writes by hand for the same JSON, for System.Text.Json. The three kinds of source have
// no discriminator (a host source has no origin_type), which System.Text.Json's polymorphism cannot read, so the
// source is one flat record with every field of every kind, as the Go SDK does it.

public sealed record OriginGroup
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("use_next")] public bool? UseNext { get; set; }
    [JsonPropertyName("proxy_next_upstream")] public List<string>? ProxyNextUpstream { get; set; }
    [JsonPropertyName("auth_type")] public string? AuthType { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("has_related_resources")] public bool? HasRelatedResources { get; set; }
    [JsonPropertyName("sources")] public List<Source> Sources { get; set; } = new();
}

public sealed record Source
{
    [JsonPropertyName("source")] public string? Host { get; set; }
    [JsonPropertyName("origin_type")] public OriginType? OriginType { get; set; }
    [JsonPropertyName("config")] public SourceConfig? Config { get; set; }
    [JsonPropertyName("backup")] public bool? Backup { get; set; }
    [JsonPropertyName("enabled")] public bool? Enabled { get; set; }
    [JsonPropertyName("host_header_override")] public string? HostHeaderOverride { get; set; }
}

public sealed record SourceConfig
{
    [JsonPropertyName("s3_type")] public S3Type? S3Type { get; set; }
    [JsonPropertyName("s3_bucket_name")] public string? S3BucketName { get; set; }
    [JsonPropertyName("s3_region")] public string? S3Region { get; set; }
    [JsonPropertyName("s3_storage_hostname")] public string? S3StorageHostname { get; set; }
    [JsonPropertyName("s3_access_key_id")] public string? S3AccessKeyId { get; set; }
    [JsonPropertyName("s3_secret_access_key")] public string? S3SecretAccessKey { get; set; }
    [JsonPropertyName("s3_auth_type")] public string? S3AuthType { get; set; }
    [JsonPropertyName("app_id")] public string? AppId { get; set; }
}

public sealed record Page
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("next")] public string? Next { get; set; }
    [JsonPropertyName("previous")] public string? Previous { get; set; }
    [JsonPropertyName("results")] public List<OriginGroup> Results { get; set; } = new();
}

[JsonConverter(typeof(JsonStringEnumConverter<OriginType>))]
public enum OriginType
{
    [JsonStringEnumMemberName("host")] Host,
    [JsonStringEnumMemberName("s3")] S3,
    [JsonStringEnumMemberName("fastedge")] Fastedge,
}

[JsonConverter(typeof(JsonStringEnumConverter<S3Type>))]
public enum S3Type
{
    [JsonStringEnumMemberName("amazon")] Amazon,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>System.Text.Json's source generator for the hand-written records (metadata and fast-path serialization).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OriginGroup))]
[JsonSerializable(typeof(Page))]
public sealed partial class HandWrittenContext : JsonSerializerContext
{
}
