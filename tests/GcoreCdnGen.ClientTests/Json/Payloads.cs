namespace GcoreCdnGen.ClientTests.Json;

/// <summary>Response and request payloads shaped like Gcore's (reference note, sections 2 and 5).</summary>
internal static class Payloads
{
    public const string HostSource = """
        {"source": "yourwebsite.com", "backup": false, "enabled": true, "host_header_override": null}
        """;

    public const string BackupHostSource = """
        {"source": "1.2.3.4:5500", "backup": true, "enabled": true, "host_header_override": "cdn.example.com"}
        """;

    public const string S3Source = """
        {
          "origin_type": "s3",
          "config": {
            "s3_type": "amazon",
            "s3_bucket_name": "my-bucket",
            "s3_region": "eu-west-1",
            "s3_storage_hostname": null,
            "s3_access_key_id": "SECRET_VALUE",
            "s3_secret_access_key": "SECRET_VALUE",
            "s3_auth_type": "awsSignatureV4"
          },
          "backup": false,
          "enabled": true
        }
        """;

    public const string FastedgeSource = """
        {"origin_type": "fastedge", "config": {"app_id": "12345"}, "backup": false, "enabled": false}
        """;

    public static readonly string Group = $$"""
        {
          "id": 1,
          "name": "YourOriginGroup",
          "use_next": true,
          "proxy_next_upstream": ["error", "timeout"],
          "auth_type": "none",
          "path": "",
          "has_related_resources": true,
          "sources": [{{HostSource}}, {{BackupHostSource}}, {{S3Source}}, {{FastedgeSource}}]
        }
        """;

    public static string GroupWith(long id, string name) => $$"""
        {"id": {{id}}, "name": "{{name}}", "use_next": false, "proxy_next_upstream": ["error", "timeout"], "sources": [{{HostSource}}]}
        """;
}
