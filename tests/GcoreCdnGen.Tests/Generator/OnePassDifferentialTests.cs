using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// A union is read in one walk over the object where it can (<c>ReadInOnePass</c>), and by scoring a copy of the reader
/// before reading the winner otherwise (<c>ReadByShape</c>). The one walk is a speed optimisation only: on any input it
/// must give exactly what <c>ReadByShape</c> gives (type and JSON written back) or give up, and <c>ReadJson</c> must
/// always answer as <c>ReadByShape</c> does. This test holds that for every union of Gcore's whole CDN document: the
/// generated code is compiled and loaded, a valid instance of each variant is made from the generated types' shape
/// (all properties, and the required ones only), mixed pairwise with other variants' samples, and each is mutated (a
/// property dropped, retyped, added, duplicated, the order reversed, one level down too) into a corpus of a few
/// thousand objects that the readers are compared on.
/// </summary>
public class OnePassDifferentialTests
{
    private const BindingFlags StaticMembers = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Objects inside objects deeper than this get their required properties only.</summary>
    private const int FullDepth = 3;

    private delegate object? ReadFn(ref Utf8JsonReader reader);

    private delegate T ReadAs<T>(ref Utf8JsonReader reader);

    /// <summary>Values of the wrong kind (or null) that every property is replaced with in turn.</summary>
    private static readonly JsonNode?[] Replacements = [null, 0, 1.5, "x", true, new JsonObject(), new JsonArray()];

    [Fact]
    public void GcoreDocument_EveryUnion_OneWalkGivesWhatTheScoringReadGives_OrGivesUp()
    {
        string path = Paths.RequireGcoreSpec();
        var run = GeneratorRunner.Run(new SpecItem(path, File.ReadAllText(path)));
        Assert.Null(run.Exception);

        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, run.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;

        var context = new AssemblyLoadContext(nameof(OnePassDifferentialTests), isCollectible: true);
        try
        {
            Check(context.LoadFromStream(image));
        }
        finally
        {
            context.Unload();
        }
    }

    private static void Check(Assembly assembly)
    {
        var types = assembly.GetTypes();
        var unions = types.Where(t => t.IsAbstract && t.GetMethod("ReadByShape", StaticMembers) is { IsPublic: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        var onePass = unions.Where(u => u.GetMethod("ReadInOnePass", StaticMembers) is not null).ToList();
        Assert.NotEmpty(onePass);

        var failures = new List<string>();
        var misread = new List<string>();
        var perUnion = new List<string>();
        int corpusSize = 0, taken = 0, gaveUp = 0, failed = 0, plainSize = 0, plainTaken = 0;
        foreach (var union in onePass)
        {
            var byShape = Reader(union, "ReadByShape");
            var fast = Reader(union, "ReadInOnePass");
            var readJson = Reader(union, "ReadJson");
            var write = union.GetMethod("WriteJson", BindingFlags.Instance | BindingFlags.NonPublic)
                ?? throw new InvalidOperationException(union.Name + " has no WriteJson");

            var shapes = new Shapes(types);
            var samples = new List<(Type Variant, JsonObject Json)>();
            foreach (var variant in shapes.VariantsOf(union))
            {
                samples.Add((variant, shapes.Object(variant, full: true, depth: 0)));
                samples.Add((variant, shapes.Object(variant, full: false, depth: 0)));
            }

            Assert.True(samples.Count >= 4, union.Name + " has fewer than two variants");

            // A valid sample must read as its variant. Where the very same JSON is a valid sample of two variants (an
            // object with only optional properties, none given, or two variants of one shape, like PurgeByPattern and
            // PurgeAllCache), no reader can tell them apart, so that sample is left out of this check (not of the
            // comparison below).
            var ambiguous = samples.GroupBy(s => s.Json.ToJsonString())
                .Where(g => g.Select(s => s.Variant).Distinct().Count() > 1)
                .Select(g => g.Key)
                .ToHashSet();
            foreach (var (variant, json) in samples)
            {
                string text = json.ToJsonString();
                string outcome = Outcome(text, byShape, write);
                if (!ambiguous.Contains(text) && !outcome.StartsWith(variant.Name + " ", StringComparison.Ordinal))
                    misread.Add(union.Name + ": " + text + " is a valid " + variant.Name + " but reads as " + outcome);
            }

            // Objects that mix two variants are where telling them apart is hardest: each sample with the properties of
            // a sample of another variant added after its own.
            var hybrids = samples.SelectMany(a => samples.Where(b => b.Variant != a.Variant).Select(b => Merge(a.Json, b.Json)));
            var corpus = samples.Select(s => s.Json).Concat(hybrids)
                .SelectMany(json => Mutations(json, shapes.Alternatives))
                .Distinct()
                .ToList();
            // Objects of one variant (and their mutations), as opposed to hybrids of two: the one walk is for these.
            var plain = samples.Select(s => s.Json).SelectMany(json => Mutations(json, shapes.Alternatives)).ToHashSet();
            plainSize += plain.Count;
            int unionTaken = 0;
            foreach (string json in corpus)
            {
                string expected = Outcome(json, byShape, write);
                string oneWalk = Outcome(json, fast, write);
                if (oneWalk == "gave up")
                {
                    gaveUp++;
                }
                else if (oneWalk.StartsWith("error ", StringComparison.Ordinal))
                {
                    failed++;
                }
                else
                {
                    unionTaken++;
                    if (plain.Contains(json))
                        plainTaken++;
                    if (oneWalk != expected)
                        failures.Add(union.Name + " one walk: " + oneWalk + "\n  scoring read: " + expected + "\n  input: " + json);
                }

                string answer = Outcome(json, readJson, write);
                if (answer != expected)
                    failures.Add(union.Name + " ReadJson: " + answer + "\n  scoring read: " + expected + "\n  input: " + json);
            }

            perUnion.Add(union.Name + ": " + corpus.Count + " objects, " + unionTaken + " read in one walk");
            Assert.True(unionTaken > 0, "the one walk of " + union.Name + " read none of its " + corpus.Count + " objects");
            corpusSize += corpus.Count;
            taken += unionTaken;
        }

        string figures = onePass.Count + " of " + unions.Count + " unions have a one walk; corpus " + corpusSize + ": " + taken
            + " read in one walk, " + gaveUp + " given up, " + failed + " errors; of the " + plainSize + " objects of one variant, "
            + plainTaken + " read in one walk\n" + string.Join("\n", perUnion);
        Assert.True(failures.Count == 0, failures.Count + " differences (first 10 shown)\n" + string.Join("\n", failures.Take(10)) + "\n" + figures);
        Assert.True(misread.Count == 0, string.Join("\n", misread));

        // The corpus must exercise both paths: a one walk that always gives up would pass the comparison above. Hybrids
        // of two variants are most of the corpus (a union of n variants has n * (n - 1) kinds of them) and the one walk
        // rightly gives up on most, so the share it must take is counted on objects of one variant.
        Assert.True(corpusSize >= 2000, figures);
        Assert.True(plainTaken > plainSize / 10, figures);
        Assert.True(gaveUp + failed > 0, "the one walk never gave up, so the mutations reach nothing odd\n" + figures);
    }

    private static ReadFn Reader(Type union, string name)
    {
        var method = union.GetMethod(name, StaticMembers, [typeof(Utf8JsonReader).MakeByRefType()])
            ?? throw new InvalidOperationException(union.Name + " has no " + name);
        var make = typeof(OnePassDifferentialTests).GetMethod(nameof(Typed), StaticMembers)!.MakeGenericMethod(union);
        return (ReadFn)make.Invoke(null, [method])!;
    }

    /// <summary>A ref-struct parameter cannot go through MethodInfo.Invoke: the method is bound to a typed delegate instead.</summary>
    private static ReadFn Typed<T>(MethodInfo method)
        where T : class
    {
        var read = method.CreateDelegate<ReadAs<T?>>();
        return (ref Utf8JsonReader reader) => read(ref reader);
    }

    /// <summary>What a reader makes of the JSON: the type and the JSON written back, "gave up", or the error.</summary>
    private static string Outcome(string json, ReadFn read, MethodInfo write)
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
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                try
                {
                    write.Invoke(value, [writer]);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is not null)
                {
                    return "write error " + ex.InnerException.GetType().Name + ": " + ex.InnerException.Message;
                }
            }

            return value.GetType().Name + " " + Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (Exception ex)
        {
            return "error " + ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>The JSON itself, and versions with one property dropped, replaced, added, duplicated or reordered, one level down too.</summary>
    private static IEnumerable<string> Mutations(JsonObject root, IReadOnlyDictionary<string, List<JsonNode>> alternatives)
    {
        foreach (string text in ObjectMutations(root, alternatives))
            yield return text;
        foreach (var property in root.Where(p => p.Value is JsonObject).ToList())
        {
            foreach (string inner in ObjectMutations(property.Value!.AsObject(), alternatives))
                yield return Splice(root, property.Key, inner);
        }
    }

    private static IEnumerable<string> ObjectMutations(JsonObject obj, IReadOnlyDictionary<string, List<JsonNode>> alternatives)
    {
        yield return obj.ToJsonString();
        var reversed = new JsonObject();
        foreach (var property in obj.Reverse().ToList())
            reversed[property.Key] = property.Value?.DeepClone();
        yield return reversed.ToJsonString();

        foreach (var property in obj.ToList())
        {
            var without = obj.DeepClone().AsObject();
            without.Remove(property.Key);
            yield return without.ToJsonString();

            // Values of the wrong kind, and the other valid values a name takes in the union (each enum value, each
            // object type, each variant of a nested union).
            var others = alternatives.TryGetValue(property.Key, out var list) ? list : new List<JsonNode>();
            foreach (var replacement in Replacements.Concat(others))
            {
                var replaced = obj.DeepClone().AsObject();
                replaced[property.Key] = replacement?.DeepClone();
                yield return replaced.ToJsonString();
            }

            // A property given twice: JsonObject cannot hold that, so it is spliced into the text.
            string text = obj.ToJsonString();
            yield return text.Substring(0, text.Length - 1) + ",\"" + property.Key + "\":" + (property.Value?.ToJsonString() ?? "null") + "}";
        }

        // Names the object does not have: one nothing knows, and each one another variant (or nested type) knows.
        var added = obj.DeepClone().AsObject();
        added["extra_unknown_property"] = 1;
        yield return added.ToJsonString();
        foreach (var (name, values) in alternatives)
        {
            if (obj.ContainsKey(name))
                continue;
            var with = obj.DeepClone().AsObject();
            with[name] = values[0].DeepClone();
            yield return with.ToJsonString();
        }
    }

    private static JsonObject Merge(JsonObject first, JsonObject second)
    {
        var merged = first.DeepClone().AsObject();
        foreach (var property in second)
        {
            if (!merged.ContainsKey(property.Key))
                merged[property.Key] = property.Value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The object's text with the value of <paramref name="name"/> replaced by raw JSON (which may hold a name twice).</summary>
    private static string Splice(JsonObject root, string name, string rawValue)
    {
        const string marker = "@@spliced value@@";
        var copy = root.DeepClone().AsObject();
        copy[name] = marker;
        return copy.ToJsonString().Replace("\"" + marker + "\"", rawValue, StringComparison.Ordinal);
    }

    /// <summary>
    /// Valid JSON for generated types, made from their shape: properties marked <c>[GcoreProperty("json_name")]</c>,
    /// their CLR types, and C#'s <c>required</c> for the properties a valid object must have.
    /// </summary>
    private sealed class Shapes(IReadOnlyList<Type> types)
    {
        private readonly Dictionary<string, List<JsonNode>> _alternatives = new(StringComparer.Ordinal);

        /// <summary>Every valid value met per JSON name while making samples: each enum value, each object or variant sample.</summary>
        public IReadOnlyDictionary<string, List<JsonNode>> Alternatives => _alternatives;

        public IReadOnlyList<Type> VariantsOf(Type union) => types
            .Where(t => t.BaseType == union && !t.IsAbstract && t.DeclaringType != union)
            .OrderBy(t => t.MetadataToken)
            .ToList();

        public JsonObject Object(Type type, bool full, int depth)
        {
            if (depth > FullDepth + 4)
                throw new InvalidOperationException("Required properties nest too deep at " + type.Name);
            var obj = new JsonObject();
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).OrderBy(p => p.MetadataToken))
            {
                if (JsonName(property) is not { } name)
                    continue;
                bool required = property.GetCustomAttributesData().Any(a => a.AttributeType.Name == "RequiredMemberAttribute");
                if (!required && (!full || depth >= FullDepth))
                    continue;
                var value = Value(name, property.PropertyType, full, depth + 1);
                obj[name] = value;
                Remember(name, value);
            }

            return obj;
        }

        private JsonNode Value(string name, Type type, bool full, int depth)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string))
                return "text";
            if (type == typeof(bool))
                return true;
            if (type == typeof(int) || type == typeof(long))
                return 1;
            if (type == typeof(double) || type == typeof(decimal))
                return 1.5;
            if (type == typeof(DateTimeOffset))
                return "2024-01-02T03:04:05+00:00";
            if (type == typeof(Guid))
                return "0f8fad5b-d9cb-469f-a165-70867728950e";
            if (type == typeof(JsonElement))
                return "any";
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
                && (generic == typeof(IList<>) || generic == typeof(List<>) || generic == typeof(IReadOnlyList<>)))
                return new JsonArray(Value(name, type.GetGenericArguments()[0], full, depth));
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>)))
                return new JsonObject { ["key"] = Value(name, type.GetGenericArguments()[1], full, depth) };
            if (type.IsValueType && type.GetProperty("Value")?.PropertyType == typeof(string))
            {
                // A generated enum: a struct with one static member per value the spec lists.
                var known = type.GetProperties(StaticMembers)
                    .Select(p => p.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "GcoreEnumValueAttribute"))
                    .Where(a => a is not null)
                    .Select(a => (string)a!.ConstructorArguments[0].Value!)
                    .ToList();
                foreach (string value in known.Skip(1))
                    Remember(name, value);
                return known.Count > 0 ? known[0] : "value";
            }

            if (type.IsAbstract && type.GetMethod("ReadByShape", StaticMembers) is not null)
            {
                var variants = VariantsOf(type);
                foreach (var variant in variants.Skip(1))
                    Remember(name, Object(variant, full, depth));
                return Object(variants[0], full, depth);
            }

            if (type.IsClass && type.GetProperties().Any(p => JsonName(p) is not null))
            {
                if (full)
                    Remember(name, Object(type, full: false, depth));
                return Object(type, full, depth);
            }

            throw new InvalidOperationException("No sample for a property of type " + type.FullName);
        }

        private void Remember(string name, JsonNode value)
        {
            if (!_alternatives.TryGetValue(name, out var list))
                _alternatives[name] = list = new List<JsonNode>();
            string text = value.ToJsonString();
            if (!list.Any(v => v.ToJsonString() == text))
                list.Add(value.DeepClone());
        }

        private static string? JsonName(PropertyInfo property) => property.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType.Name == "GcorePropertyAttribute")?.ConstructorArguments[0].Value as string;
    }
}
