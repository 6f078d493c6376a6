using System.Linq;
using System.Text.Json;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>What the spec does not know survives a read-change-write cycle: unknown properties and unknown shapes.</summary>
public class LosslessTests
{
    private static OriginGroup ReadGroup(string json) => GcoreJson.Deserialize(json, OriginGroup.ReadJson);

    private static string Write(OriginGroup group) => GcoreJson.Serialize(group, static (w, g) => g.WriteJson(w));

    /// <summary>A source of a kind this client has never heard of: new origin_type, new config shape.</summary>
    private const string FutureSource = """
        {"origin_type": "gcs", "config": {"gcs_bucket": "b", "project": "p", "service_account_key": "very-secret-key"}, "backup": false, "enabled": true}
        """;

    [Fact]
    public void Read_change_one_field_write_keeps_unknown_properties_everywhere()
    {
        string json = """
            {"id": 1, "name": "old", "tier": "premium", "sources": [
              {"source": "a.com", "tag": "default", "weight": 3},
              {"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": "b", "s3_access_key_id": "k", "s3_secret_access_key": "s", "s3_path_style": true}}
            ]}
            """;

        var group = ReadGroup(json);
        group.Name = "new";

        string expected = json.Replace("\"old\"", "\"new\"");
        JsonAssert.Equivalent(expected, Write(group));
    }

    [Fact]
    public void Objects_without_unknown_properties_allocate_no_bag()
    {
        var group = ReadGroup(Payloads.Group);

        Assert.Null(group.AdditionalProperties);
        Assert.All(group.Sources, s => Assert.Null(s.AdditionalProperties));
    }

    [Fact]
    public void Additional_properties_set_in_code_are_written_after_the_known_ones()
    {
        var patch = new OriginGroupUpdateParams
        {
            Name = "g",
            AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement>
            {
                ["new_flag"] = JsonDocument.Parse("true").RootElement,
            },
        };

        JsonAssert.Equivalent("""{"name": "g", "new_flag": true}""", GcoreJson.Serialize(patch, static (w, p) => p.WriteJson(w)));
    }

    [Fact]
    public void A_known_name_in_additional_properties_is_not_written_twice()
    {
        var patch = new OriginGroupUpdateParams
        {
            Name = "from-property",
            AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement>
            {
                ["name"] = JsonDocument.Parse("\"from-bag\"").RootElement,
            },
        };

        string written = GcoreJson.Serialize(patch, static (w, p) => p.WriteJson(w));

        JsonAssert.Equivalent("""{"name": "from-property"}""", written);
    }

    [Fact]
    public void Envelope_keeps_its_unknown_properties()
    {
        string json = """{"count": 0, "next": null, "previous": null, "results": [], "page_token": "abc"}""";

        var list = GcoreJson.Deserialize(json, OriginGroupList.ReadJson);

        Assert.Equal("abc", list.AdditionalProperties!["page_token"].GetString());
        JsonAssert.Equivalent(json, GcoreJson.Serialize(list, static (w, l) => l.WriteJson(w)));
    }

    [Fact]
    public void A_source_of_an_unknown_kind_is_kept_as_raw_JSON_and_written_back_unchanged()
    {
        string json = """{"id": 1, "name": "g", "sources": [""" + Payloads.HostSource + "," + FutureSource + "]}";

        var group = ReadGroup(json);

        var unknown = Assert.IsType<OriginGroupSource.Unknown>(group.Sources[1]);
        Assert.Equal("gcs", unknown.Json.GetProperty("origin_type").GetString());
        JsonAssert.Equivalent(json, Write(group));
    }

    [Fact]
    public void An_unknown_source_is_written_back_byte_for_byte()
    {
        var source = GcoreJson.Deserialize(FutureSource, OriginGroupSource.ReadJson);

        Assert.Equal(FutureSource.Trim().Replace(" ", "").Replace("\n", ""), GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)).Replace(" ", ""));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"backup": true, "enabled": false}""")]
    [InlineData("""{"kind": "edge-function", "script": "main.js"}""")]
    [InlineData("""{"origin_type": "gcs", "bucket": "b"}""")]
    public void An_object_no_variant_claims_becomes_Unknown(string json)
    {
        var source = GcoreJson.Deserialize(json, OriginGroupSource.ReadJson);

        Assert.IsType<OriginGroupSource.Unknown>(source);
        JsonAssert.Equivalent(json, GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)));
    }

    [Fact]
    public void Setting_a_shared_property_on_an_unknown_source_replaces_it_in_the_written_JSON()
    {
        var source = GcoreJson.Deserialize(FutureSource, OriginGroupSource.ReadJson);

        source.Enabled = false;

        var written = JsonAssert.Object(GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)));
        Assert.False((bool)written["enabled"]!);
        Assert.Equal("gcs", (string?)written["origin_type"]);
        Assert.Equal("p", (string?)written["config"]!["project"]);
        Assert.Equal(4, written.Count);
    }

    [Fact]
    public void Request_unions_keep_unknown_shapes_too()
    {
        string json = """{"name": "g", "sources": [{"source": "a.com"}, """ + FutureSource + "]}";

        var create = GcoreJson.Deserialize(json, OriginGroupCreateParams.ReadJson);

        Assert.IsType<Source.Unknown>(create.Sources!.Last());
        JsonAssert.Equivalent(json, GcoreJson.Serialize(create, static (w, c) => c.WriteJson(w)));
    }

    [Fact]
    public void Through_JsonSerializer_the_generated_converters_keep_everything_too()
    {
        string json = """{"id": 1, "name": "g", "x": 1, "sources": [""" + FutureSource + "]}";

        // The types carry [JsonConverter] attributes pointing at the generated code.
        var group = JsonSerializer.Deserialize<OriginGroup>(json)!;

        Assert.IsType<OriginGroupSource.Unknown>(group.Sources.Single());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(group));
    }

    [Fact]
    public void JsonSerializer_reads_and_writes_each_kind_of_type_by_itself_a_union_a_variant_its_Unknown_and_an_enum()
    {
        // One converter serves them all; each type is read by its own generated code, asked for by its own type.
        const string s3 = """{"origin_type": "s3", "config": {"s3_type": "other", "s3_bucket_name": "b", "s3_access_key_id": "k", "s3_secret_access_key": "s", "s3_storage_hostname": "h"}}""";
        Assert.IsType<OriginGroupS3Source>(JsonSerializer.Deserialize<OriginGroupSource>(s3));
        var variant = JsonSerializer.Deserialize<OriginGroupS3Source>(s3)!;
        Assert.Equal("b", variant.Config.S3BucketName);
        JsonAssert.Equivalent(s3, JsonSerializer.Serialize(variant));

        var unknown = JsonSerializer.Deserialize<OriginGroupSource.Unknown>(FutureSource)!;
        Assert.True(unknown.Enabled);
        JsonAssert.Equivalent(FutureSource, JsonSerializer.Serialize(unknown));

        Assert.Equal(OriginType.S3, JsonSerializer.Deserialize<OriginType>("\"s3\""));
        Assert.Equal("\"gcs\"", JsonSerializer.Serialize(JsonSerializer.Deserialize<OriginType>("\"gcs\"")));
        Assert.Equal("[\"s3\",\"host\"]", JsonSerializer.Serialize(new[] { OriginType.S3, OriginType.Host }));
    }

    [Fact]
    public void Every_record_is_an_IGcoreModel_and_one_with_optional_properties_an_IGcoreSetTracking()
    {
        // What generic code can rely on without knowing the type: kept unknown properties, and which optional ones are set.
        IGcoreModel group = ReadGroup("""{"id": 1, "name": "g", "tier": "premium", "sources": []}""");
        Assert.Equal("premium", group.AdditionalProperties!["tier"].GetString());

        IGcoreSetTracking patch = new OriginGroupUpdateParams { Name = "renamed" };
        Assert.True(patch.IsSet(nameof(OriginGroupUpdateParams.Name)));
        patch.Unset(nameof(OriginGroupUpdateParams.Name));
        Assert.False(patch.IsSet(nameof(OriginGroupUpdateParams.Name)));
        Assert.Throws<System.ArgumentException>(() => patch.IsSet("name"));
    }
}
