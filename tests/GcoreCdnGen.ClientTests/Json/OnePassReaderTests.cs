using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>
/// A union is read in one walk over the object where it can (<c>ReadInOnePass</c>), and by scoring a copy of the reader
/// before reading the winner otherwise (<c>ReadByShape</c>). The one walk exists for speed only: on any input it must
/// either give exactly what <c>ReadByShape</c> gives or give up, and <c>ReadJson</c> must always answer as
/// <c>ReadByShape</c> does. These tests hold that over a corpus of Gcore's shapes and mutations of them.
/// </summary>
public class OnePassReaderTests
{
    private delegate T? Read<T>(ref Utf8JsonReader reader);

    private static readonly string[] SourceResponses =
    [
        Payloads.HostSource,
        Payloads.BackupHostSource,
        Payloads.S3Source,
        Payloads.FastedgeSource,
        """{"origin_type": "s3", "config": {"s3_type": "other", "s3_bucket_name": "b", "s3_storage_hostname": "s3.example.com", "s3_access_key_id": "k", "s3_secret_access_key": "s"}, "backup": true, "enabled": true, "host_header_override": "h.example.com"}""",
        """{"config": {"app_id": "7"}, "enabled": true, "origin_type": "fastedge"}""",
    ];

    private static readonly string[] ChangeSources =
    [
        """{"source": "a.example.com", "backup": false, "enabled": true}""",
        """{"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": "b", "s3_region": "eu-west-1", "s3_access_key_id": "k", "s3_secret_access_key": "s"}}""",
        """{"config": {"s3_type": "other", "s3_bucket_name": "b", "s3_storage_hostname": "s3.example.com", "s3_access_key_id": "k", "s3_secret_access_key": "s"}, "enabled": false}""",
        """{"origin_type": "fastedge", "config": {"app_id": "12345"}, "host_header_override": null}""",
    ];

    [Fact]
    public void SourceResponse_one_walk_gives_what_the_scoring_read_gives_or_gives_up()
    {
        int cases = CheckCorpus<OriginGroupSource>(SourceResponses, OriginGroupSource.ReadInOnePass, OriginGroupSource.ReadByShape, OriginGroupSource.ReadJson, v => v.WriteJson);
        Assert.True(cases > 500, "only " + cases + " cases");
    }

    [Fact]
    public void ChangeSource_one_walk_gives_what_the_scoring_read_gives_or_gives_up()
    {
        int cases = CheckCorpus<Source>(ChangeSources, Source.ReadInOnePass, Source.ReadByShape, Source.ReadJson, v => v.WriteJson);
        Assert.True(cases > 300, "only " + cases + " cases");
    }

    [Fact]
    public void Gcore_shapes_are_read_in_one_walk_in_any_property_order()
    {
        foreach (string json in SourceResponses)
        {
            foreach (string variant in new[] { json, Reversed(json) })
                Assert.NotEqual("gave up", Outcome(variant, OriginGroupSource.ReadInOnePass, v => v.WriteJson));
        }

        foreach (string json in ChangeSources)
            Assert.NotEqual("gave up", Outcome(json, Source.ReadInOnePass, v => v.WriteJson));
    }

    [Fact]
    public void Shapes_the_one_walk_leaves_to_the_scoring_read_still_read()
    {
        // A host source that also says origin_type "host": OriginGroupHostSource does not know origin_type, so it is kept
        // as an additional property, which only the scoring read does.
        const string hostWithType = """{"source": "a.example.com", "origin_type": "host", "enabled": true}""";
        Assert.Equal("gave up", Outcome(hostWithType, OriginGroupSource.ReadInOnePass, v => v.WriteJson));
        var host = Assert.IsType<OriginGroupHostSource>(GcoreJson.Deserialize(hostWithType, OriginGroupSource.ReadJson));
        Assert.Equal("host", host.AdditionalProperties!["origin_type"].GetString());

        // A config sent twice: the last one counts.
        const string twice = """{"origin_type": "fastedge", "config": {"app_id": "1"}, "config": {"app_id": "2"}}""";
        Assert.Equal("gave up", Outcome(twice, OriginGroupSource.ReadInOnePass, v => v.WriteJson));
        Assert.Equal("2", Assert.IsType<OriginGroupFastedgeSource>(GcoreJson.Deserialize(twice, OriginGroupSource.ReadJson)).Config.AppId);
    }

    private static int CheckCorpus<T>(string[] bases, Read<T> onePass, Read<T> byShape, Read<T> readJson, Func<T, Action<Utf8JsonWriter>> write)
        where T : class
    {
        var corpus = bases.SelectMany(Mutations).Distinct().ToList();
        int taken = 0;
        foreach (string json in corpus)
        {
            string expected = Outcome(json, byShape, write);
            string fast = Outcome(json, onePass, write);
            if (fast != "gave up" && !fast.StartsWith("error ", StringComparison.Ordinal))
            {
                taken++;
                Assert.True(expected == fast, "one walk: " + fast + "\nscoring read: " + expected + "\ninput: " + json);
            }

            string answer = Outcome(json, readJson, write);
            Assert.True(expected == answer, "ReadJson: " + answer + "\nscoring read: " + expected + "\ninput: " + json);
        }

        // The corpus must exercise both: a one walk that always gives up would pass the comparison above.
        Assert.True(taken > corpus.Count / 10, "the one walk read only " + taken + " of " + corpus.Count);
        Assert.True(taken < corpus.Count, "the one walk never gave up, so the mutations reach nothing odd");
        return corpus.Count;
    }

    /// <summary>What a reader makes of the JSON: the type and the JSON written back, "gave up", or the error.</summary>
    private static string Outcome<T>(string json, Read<T> read, Func<T, Action<Utf8JsonWriter>> write) where T : class
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        try
        {
            var value = read(ref reader);
            if (value is null)
                return "gave up";
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
                return "reader left on " + reader.TokenType + " at depth " + reader.CurrentDepth;
            return value.GetType().Name + " " + GcoreJson.Serialize(write(value));
        }
        catch (Exception ex)
        {
            return "error " + ex.GetType().Name + ": " + ex.Message;
        }
    }

    private static readonly JsonNode?[] Replacements =
    [
        null, 0, 1.5, "x", "s3", "fastedge", true, new JsonObject(), new JsonArray(),
        new JsonObject { ["s3_type"] = "amazon" }, new JsonObject { ["app_id"] = "1" },
    ];

    /// <summary>The JSON itself, and versions with one property dropped, replaced, added, duplicated or reordered, one level down too.</summary>
    private static IEnumerable<string> Mutations(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        yield return root.ToJsonString();
        yield return Reversed(json);
        foreach (string text in ObjectMutations(root, inner: false))
            yield return text;
        foreach (var property in root.Where(p => p.Value is JsonObject).ToList())
        {
            foreach (string innerText in ObjectMutations(property.Value!.AsObject(), inner: true))
            {
                var copy = root.DeepClone().AsObject();
                copy[property.Key] = JsonNode.Parse(innerText);
                yield return copy.ToJsonString();
            }
        }

        // A property given twice: JsonObject cannot hold that, so it is spliced into the text.
        foreach (var property in root)
        {
            string text = root.ToJsonString();
            yield return text.Substring(0, text.Length - 1) + ",\"" + property.Key + "\":" + (property.Value?.ToJsonString() ?? "null") + "}";
        }
    }

    private static IEnumerable<string> ObjectMutations(JsonObject obj, bool inner)
    {
        var names = obj.Select(p => p.Key).ToList();
        foreach (string name in names)
        {
            var without = obj.DeepClone().AsObject();
            without.Remove(name);
            yield return without.ToJsonString();
            foreach (var replacement in Replacements)
            {
                var replaced = obj.DeepClone().AsObject();
                replaced[name] = replacement?.DeepClone();
                yield return replaced.ToJsonString();
            }
        }

        foreach (var (name, value) in new (string, JsonNode?)[] { ("extra", 1), ("source", "h.example.com"), ("origin_type", "gcs"), ("app_id", "9"), ("s3_bucket_name", "b2"), ("config", null) })
        {
            if (obj.ContainsKey(name) && !inner)
                continue;
            var added = obj.DeepClone().AsObject();
            added[name] = value?.DeepClone();
            yield return added.ToJsonString();
        }
    }

    private static string Reversed(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var reversed = new JsonObject();
        foreach (var property in root.Reverse().ToList())
            reversed[property.Key] = property.Value?.DeepClone();
        return reversed.ToJsonString();
    }
}
