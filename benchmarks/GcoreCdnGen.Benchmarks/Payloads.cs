using System.Text;

namespace GcoreCdnGen.Benchmarks;

/// <summary>The JSON the benchmarks read and write: shaped like Gcore's answers (reference note, sections 2 and 5).</summary>
public static class Payloads
{
    public static string Group(long id) => $$"""
        {"id": {{id}}, "name": "origin-group-{{id}}", "use_next": true, "proxy_next_upstream": ["error", "timeout", "http_502"], "has_related_resources": true, "sources": [
          {"source": "origin-{{id}}.example.com", "backup": false, "enabled": true},
          {"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": "bucket-{{id}}", "s3_region": "eu-west-1", "s3_access_key_id": "SECRET_VALUE", "s3_secret_access_key": "SECRET_VALUE", "s3_auth_type": "awsSignatureV4"}, "backup": false, "enabled": true},
          {"origin_type": "fastedge", "config": {"app_id": "{{12345 + id}}"}, "backup": true, "enabled": true, "host_header_override": "app.example.com"}
        ]}
        """;

    public static string Page(int groups)
    {
        var builder = new StringBuilder();
        builder.Append("{\"count\": ").Append(groups * 3).Append(", \"next\": \"https://api.gcore.com/cdn/origin_groups?limit=")
            .Append(groups).Append("&offset=").Append(2 * groups).Append("\", \"previous\": \"https://api.gcore.com/cdn/origin_groups?limit=")
            .Append(groups).Append("&offset=0\", \"results\": [");
        for (int i = 0; i < groups; i++)
        {
            if (i > 0)
                builder.Append(',');
            builder.Append(Group(i + 1));
        }

        return builder.Append("]}").ToString();
    }
}
