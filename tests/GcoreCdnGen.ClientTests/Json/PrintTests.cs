using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>ToString shows what a person needs: list contents and nested values, JSON-like, with secrets redacted.</summary>
public class PrintTests
{
    private const string Group = """
        {"id": 7, "name": "media", "proxy_next_upstream": ["error", "http_502"], "future_setting": {"token": "tok-123"},
         "sources": [
           {"source": "example.com", "backup": false},
           {"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": "bucket", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": "real/secret+key/1234567890"}}
         ]}
        """;

    [Fact]
    public void A_group_prints_its_lists_and_nested_values_with_secrets_redacted()
    {
        var group = GcoreJson.Deserialize(Group, OriginGroup.ReadJson);

        string printed = group.ToString();

        Assert.StartsWith("OriginGroup {\"id\":7,\"name\":\"media\",", printed);
        Assert.Contains("\"proxy_next_upstream\":[\"error\",\"http_502\"]", printed);
        Assert.Contains("{\"backup\":false,\"source\":\"example.com\"}", printed);
        Assert.Contains("\"config\":{\"s3_type\":\"amazon\",\"s3_bucket_name\":\"bucket\",\"s3_access_key_id\":\"***\",\"s3_secret_access_key\":\"***\"}", printed);
        Assert.Contains("\"future_setting\":{\"token\":\"(string)\"}", printed);
        Assert.DoesNotContain("AKIAREALKEY1", printed);
        Assert.DoesNotContain("real/secret+key", printed);
        Assert.DoesNotContain("tok-123", printed);
    }

    [Fact]
    public void A_variant_prints_through_its_union_and_a_request_body_prints_its_list()
    {
        var body = new OriginGroupCreateParams { Name = "g", Sources = [new HostSource { Source = "a.example.com" }, new HostSource { Source = "b.example.com", Backup = true }] };

        Assert.Equal("""OriginGroupCreateParams {"name":"g","sources":[{"source":"a.example.com"},{"backup":true,"source":"b.example.com"}]}""", body.ToString());
        Assert.Equal("""HostSource {"source":"a.example.com"}""", body.Sources[0].ToString());
    }

    [Fact]
    public void A_value_whose_required_list_is_null_still_prints()
    {
        var body = new OriginGroupCreateParams { Name = "g", Sources = null! };

        Assert.StartsWith("OriginGroupCreateParams", body.ToString());
    }
}
