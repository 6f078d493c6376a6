using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GcoreCdnGen.Benchmarks.Gcore;
using GcoreCdnGen.Benchmarks.HandWritten;

namespace GcoreCdnGen.Benchmarks;

/// <summary>
/// Serialize and deserialize (a) one origin group with a host, an S3 and a FastEdge source and (b) a page of 1,000
/// such groups, as UTF-8 bytes. Baseline: hand-written records with System.Text.Json's source generator.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private byte[] _groupJson = Array.Empty<byte>();
    private byte[] _pageJson = Array.Empty<byte>();
    private Gcore.OriginGroup _generatedGroup = null!;
    private OriginGroupList _generatedPage = null!;
    private HandWritten.OriginGroup _handGroup = null!;
    private Page _handPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _groupJson = Encoding.UTF8.GetBytes(Payloads.Group(1));
        _pageJson = Encoding.UTF8.GetBytes(Payloads.Page(1000));
        _generatedGroup = GcoreJson.Deserialize(_groupJson, Gcore.OriginGroup.ReadJson);
        _generatedPage = GcoreJson.Deserialize(_pageJson, OriginGroupList.ReadJson);
        _handGroup = JsonSerializer.Deserialize(_groupJson, HandWrittenContext.Default.OriginGroup)!;
        _handPage = JsonSerializer.Deserialize(_pageJson, HandWrittenContext.Default.Page)!;

        // Every contender must do the same work: each writes back exactly the JSON it read.
        Same(_groupJson, SerializeGroup_Generated(), nameof(SerializeGroup_Generated));
        Same(_groupJson, SerializeGroup_StjSourceGen(), nameof(SerializeGroup_StjSourceGen));
        Same(_groupJson, SerializeGroup_StjReflection(), nameof(SerializeGroup_StjReflection));
        Same(_pageJson, SerializePage_Generated(), nameof(SerializePage_Generated));
        Same(_pageJson, SerializePage_StjSourceGen(), nameof(SerializePage_StjSourceGen));
        Same(_pageJson, SerializePage_StjReflection(), nameof(SerializePage_StjReflection));
        if (DeserializePage_Generated().Results.Count != 1000 || DeserializePage_StjReflection().Results.Count != 1000)
            throw new InvalidOperationException("The page did not read 1,000 groups.");
        if (DeserializeGroup_Generated().Sources[1] is not OriginGroupS3Source)
            throw new InvalidOperationException("The S3 source did not read as OriginGroupS3Source.");
    }

    private static void Same(byte[] expected, byte[] actual, string what)
    {
        if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
            throw new InvalidOperationException(what + " does not write the JSON it read.");
    }

    // ---- one group: serialize

    [Benchmark(Baseline = true), BenchmarkCategory("Group", "Serialize")]
    public byte[] SerializeGroup_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_handGroup, HandWrittenContext.Default.OriginGroup);

    [Benchmark, BenchmarkCategory("Group", "Serialize")]
    public byte[] SerializeGroup_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_handGroup, Reflection);

    [Benchmark, BenchmarkCategory("Group", "Serialize")]
    public byte[] SerializeGroup_Generated() => GcoreJson.SerializeToUtf8Bytes(_generatedGroup, static (w, g) => g.WriteJson(w));

    // ---- one group: deserialize

    [Benchmark(Baseline = true), BenchmarkCategory("Group", "Deserialize")]
    public HandWritten.OriginGroup DeserializeGroup_StjSourceGen() => JsonSerializer.Deserialize(_groupJson, HandWrittenContext.Default.OriginGroup)!;

    [Benchmark, BenchmarkCategory("Group", "Deserialize")]
    public HandWritten.OriginGroup DeserializeGroup_StjReflection() => JsonSerializer.Deserialize<HandWritten.OriginGroup>(_groupJson, Reflection)!;

    [Benchmark, BenchmarkCategory("Group", "Deserialize")]
    public Gcore.OriginGroup DeserializeGroup_Generated() => GcoreJson.Deserialize(_groupJson, Gcore.OriginGroup.ReadJson);

    // ---- a page of 1,000 groups: serialize

    [Benchmark(Baseline = true), BenchmarkCategory("Page", "Serialize")]
    public byte[] SerializePage_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_handPage, HandWrittenContext.Default.Page);

    [Benchmark, BenchmarkCategory("Page", "Serialize")]
    public byte[] SerializePage_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_handPage, Reflection);

    [Benchmark, BenchmarkCategory("Page", "Serialize")]
    public byte[] SerializePage_Generated() => GcoreJson.SerializeToUtf8Bytes(_generatedPage, static (w, p) => p.WriteJson(w));

    // ---- a page of 1,000 groups: deserialize

    [Benchmark(Baseline = true), BenchmarkCategory("Page", "Deserialize")]
    public Page DeserializePage_StjSourceGen() => JsonSerializer.Deserialize(_pageJson, HandWrittenContext.Default.Page)!;

    [Benchmark, BenchmarkCategory("Page", "Deserialize")]
    public Page DeserializePage_StjReflection() => JsonSerializer.Deserialize<Page>(_pageJson, Reflection)!;

    [Benchmark, BenchmarkCategory("Page", "Deserialize")]
    public OriginGroupList DeserializePage_Generated() => GcoreJson.Deserialize(_pageJson, OriginGroupList.ReadJson);
}
