using System.Linq;
using System.Text.Json.Nodes;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

public class ListResponseTests
{
    private static readonly string BareArray = "[" + Payloads.GroupWith(1, "a") + "," + Payloads.GroupWith(2, "b") + "]";

    private static readonly string Envelope = """
        {"count": 5, "next": "https://api.gcore.com/cdn/origin_groups?limit=1&offset=3", "previous": null, "results": [
        """ + Payloads.GroupWith(3, "c") + "]}";

    private static OriginGroupList Read(string json) => GcoreJson.Deserialize(json, OriginGroupList.ReadJson);

    private static string Write(OriginGroupList value) => GcoreJson.Serialize(w => value.WriteJson(w));

    [Fact]
    public void Bare_array_is_not_paginated_and_counts_its_items()
    {
        var list = Read(BareArray);

        Assert.False(list.IsPaginated);
        Assert.Equal(2, list.Count);
        Assert.Equal(new long[] { 1, 2 }, list.Results.Select(g => g.Id));
        Assert.Null(list.Next);
        Assert.Null(list.Previous);
    }

    [Fact]
    public void Bare_array_writes_back_as_a_bare_array()
    {
        string written = Write(Read(BareArray));

        Assert.IsType<JsonArray>(JsonNode.Parse(written));
        JsonAssert.Equivalent(BareArray, written);
    }

    [Fact]
    public void Envelope_is_paginated_with_its_count_links_and_results()
    {
        var list = Read(Envelope);

        Assert.True(list.IsPaginated);
        Assert.Equal(5, list.Count);
        Assert.Equal("https://api.gcore.com/cdn/origin_groups?limit=1&offset=3", list.Next);
        Assert.Null(list.Previous);
        Assert.Equal("c", Assert.Single(list.Results).Name);
    }

    [Fact]
    public void Envelope_writes_back_as_the_envelope_with_null_previous()
    {
        string written = Write(Read(Envelope));

        var envelope = JsonAssert.Object(written);
        Assert.True(envelope.ContainsKey("previous"));
        JsonAssert.Equivalent(Envelope, written);
    }

    [Fact]
    public void Empty_bare_array_is_an_empty_unpaginated_list()
    {
        var list = Read("[]");

        Assert.False(list.IsPaginated);
        Assert.Equal(0, list.Count);
        Assert.Empty(list.Results);
    }
}
