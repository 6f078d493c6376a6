using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpYaml;
using SharpYaml.Serialization;

namespace GcoreCdnGen.Tests.TestInfrastructure;

/// <summary>
/// Rewrites of an OpenAPI document that keep its wire contract: what goes over the wire stays the same, only the
/// document's wording changes (component names, inline vs $ref, docs, deprecation, oneOf vs anyOf, order).
/// </summary>
public static class SpecRewrites
{
    private static readonly string[] SchemaMaps = { "properties", "patternProperties" };
    private static readonly string[] SchemaLists = { "allOf", "oneOf", "anyOf" };
    private static readonly string[] SchemaValues = { "items", "additionalProperties", "not" };

    public static JsonObject LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
            stream.Load(reader);
        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    public static string Text(JsonNode document) => document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var pair in map.Children)
                    obj[((YamlScalarNode)pair.Key).Value!] = ToJson(pair.Value);
                return obj;
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar:
                string value = scalar.Value ?? "";
                if (scalar.Style != ScalarStyle.Plain)
                    return JsonValue.Create(value);
                if (value is "null" or "~" or "")
                    return null;
                if (value is "true" or "false")
                    return JsonValue.Create(value == "true");
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                    return JsonValue.Create(l);
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && value.Any(char.IsDigit))
                    return JsonValue.Create(d);
                return JsonValue.Create(value);
            default:
                throw new InvalidOperationException("Unexpected YAML node " + node.GetType().Name);
        }
    }

    private static JsonObject Schemas(JsonObject document) =>
        (JsonObject)((JsonObject)document["components"]!)["schemas"]!;

    /// <summary>Every schema object in the document: components, parameters, bodies, responses, and everything nested.</summary>
    public static IEnumerable<JsonObject> AllSchemas(JsonObject document)
    {
        var found = new List<JsonObject>();
        void Schema(JsonNode? node)
        {
            if (node is not JsonObject schema)
                return;
            found.Add(schema);
            foreach (var key in SchemaMaps)
                if (schema[key] is JsonObject map)
                    foreach (var pair in map.ToList())
                        Schema(pair.Value);
            foreach (var key in SchemaLists)
                if (schema[key] is JsonArray list)
                    foreach (var item in list.ToList())
                        Schema(item);
            foreach (var key in SchemaValues)
                Schema(schema[key]);
        }

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var pair in obj.ToList())
                    {
                        if (pair.Key == "schema")
                            Schema(pair.Value);
                        else
                            Walk(pair.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array.ToList())
                        Walk(item);
                    break;
            }
        }

        if (document["components"]?["schemas"] is JsonObject components)
            foreach (var pair in components.ToList())
                Schema(pair.Value);
        Walk(document["paths"]);
        if (document["components"] is JsonObject c)
            foreach (var pair in c.ToList().Where(p => p.Key != "schemas"))
                Walk(pair.Value);
        return found;
    }

    private static void ReplaceRefs(JsonNode? node, Func<string, string> rename)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue v && v.TryGetValue<string>(out var r) && r.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    obj["$ref"] = "#/components/schemas/" + rename(r.Substring("#/components/schemas/".Length));
                foreach (var pair in obj.ToList())
                    ReplaceRefs(pair.Value, rename);
                break;
            case JsonArray array:
                foreach (var item in array)
                    ReplaceRefs(item, rename);
                break;
        }
    }

    /// <summary>Every component schema gets another name (and every reference follows).</summary>
    public static JsonObject RenameComponents(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        var schemas = Schemas(doc);
        string Rename(string id) => "Renamed_" + new string(id.Reverse().ToArray()) + "_x";
        var renamed = new JsonObject();
        foreach (var pair in schemas.ToList())
        {
            schemas.Remove(pair.Key);
            renamed[Rename(pair.Key)] = pair.Value;
        }

        doc["components"]!["schemas"] = renamed;
        ReplaceRefs(doc, Rename);
        return doc;
    }

    /// <summary>Every reference to a component schema is replaced by a copy of it (except where it refers to itself).</summary>
    public static JsonObject InlineComponents(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        var schemas = (JsonObject)Schemas(doc).DeepClone();
        JsonNode? Inline(JsonNode? node, ImmutableStack stack)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj.Count == 1 && obj["$ref"] is JsonValue v && v.TryGetValue<string>(out var r) &&
                        r.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        string id = r.Substring("#/components/schemas/".Length);
                        if (stack.Contains(id) || schemas[id] is not JsonObject target)
                            return obj.DeepClone();
                        return Inline(target, stack.Push(id));
                    }

                    var copy = new JsonObject();
                    foreach (var pair in obj)
                        copy[pair.Key] = Inline(pair.Value, stack);
                    return copy;
                case JsonArray array:
                    return new JsonArray(array.Select(i => Inline(i, stack)).ToArray());
                default:
                    return node?.DeepClone();
            }
        }

        doc["paths"] = Inline(doc["paths"], ImmutableStack.Empty);
        return doc;
    }

    /// <summary>Every inline object or union schema under a property, an array or a body moves into components.</summary>
    public static JsonObject ExtractInlineSchemas(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        var schemas = Schemas(doc);
        int counter = 0;
        bool Worth(JsonObject s) => !s.ContainsKey("$ref") &&
            (s["properties"] is JsonObject { Count: > 0 } || s["oneOf"] is JsonArray || s["anyOf"] is JsonArray || s["allOf"] is JsonArray);
        JsonNode Extract(JsonObject schema)
        {
            string id = "Extracted" + (++counter).ToString(CultureInfo.InvariantCulture);
            schemas[id] = schema.DeepClone();
            return new JsonObject { ["$ref"] = "#/components/schemas/" + id };
        }

        // Deepest first, so an extracted schema already refers to its extracted parts.
        foreach (var schema in AllSchemas(doc).Reverse().ToList())
        {
            foreach (var key in SchemaMaps)
                if (schema[key] is JsonObject map)
                    foreach (var pair in map.ToList())
                        if (pair.Value is JsonObject s && Worth(s))
                            map[pair.Key] = Extract(s);
            foreach (var key in SchemaLists)
                if (schema[key] is JsonArray list)
                    for (int i = 0; i < list.Count; i++)
                        if (list[i] is JsonObject s && Worth(s))
                            list[i] = Extract(s);
            foreach (var key in SchemaValues)
                if (schema[key] is JsonObject s && Worth(s))
                    schema[key] = Extract(s);
        }

        // Bodies and responses whose schema is inline.
        void Walk(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (var pair in obj.ToList())
                {
                    if (pair.Key == "schema" && pair.Value is JsonObject s && Worth(s))
                        obj["schema"] = Extract(s);
                    else
                        Walk(pair.Value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                    Walk(item);
            }
        }

        Walk(doc["paths"]);
        return doc;
    }

    /// <summary>Removes docs and document-only flags from every schema: title, description, example(s), deprecated, x-*.</summary>
    public static JsonObject StripDocs(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        foreach (var schema in AllSchemas(doc))
            foreach (var key in schema.Select(p => p.Key).ToList())
                if (key is "title" or "description" or "example" or "examples" or "deprecated" || key.StartsWith("x-", StringComparison.Ordinal))
                    schema.Remove(key);
        return doc;
    }

    /// <summary>Adds a title, a description, an example, an extension and <c>deprecated: true</c> to every schema.</summary>
    public static JsonObject AddDocs(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        int counter = 0;
        foreach (var schema in AllSchemas(doc))
        {
            if (schema.ContainsKey("$ref"))
                continue;
            counter++;
            schema["title"] = "Title " + counter.ToString(CultureInfo.InvariantCulture);
            schema["description"] = "Described " + counter.ToString(CultureInfo.InvariantCulture);
            schema["deprecated"] = true;
            schema["x-rewritten"] = counter;
            if (!schema.ContainsKey("example") && schema["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "string" && schema["enum"] is null)
                schema["example"] = "example";
        }

        return doc;
    }

    /// <summary>oneOf becomes anyOf and anyOf becomes oneOf.</summary>
    public static JsonObject SwapOneOfAnyOf(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        foreach (var schema in AllSchemas(doc))
        {
            var oneOf = schema["oneOf"];
            var anyOf = schema["anyOf"];
            schema.Remove("oneOf");
            schema.Remove("anyOf");
            if (oneOf is not null)
                schema["anyOf"] = oneOf;
            if (anyOf is not null)
                schema["oneOf"] = anyOf;
        }

        return doc;
    }

    /// <summary>Reverses every union's variants and every schema's properties (and the components' order).</summary>
    public static JsonObject Reorder(JsonObject document)
    {
        var doc = (JsonObject)document.DeepClone();
        foreach (var schema in AllSchemas(doc).ToList())
        {
            foreach (var key in new[] { "oneOf", "anyOf" })
                if (schema[key] is JsonArray list)
                {
                    var items = list.ToList();
                    list.Clear();
                    foreach (var item in Enumerable.Reverse(items))
                        list.Add(item);
                }

            if (schema["properties"] is JsonObject props)
                ReverseInPlace(props);
        }

        ReverseInPlace(Schemas(doc));
        return doc;
    }

    private static void ReverseInPlace(JsonObject map)
    {
        var pairs = map.ToList();
        map.Clear();
        foreach (var pair in Enumerable.Reverse(pairs))
            map[pair.Key] = pair.Value;
    }

    /// <summary>A tiny persistent stack of component ids, to stop inlining at a cycle.</summary>
    private sealed class ImmutableStack
    {
        public static readonly ImmutableStack Empty = new(null, null);
        private readonly string? _head;
        private readonly ImmutableStack? _tail;

        private ImmutableStack(string? head, ImmutableStack? tail)
        {
            _head = head;
            _tail = tail;
        }

        public ImmutableStack Push(string id) => new(id, this);

        public bool Contains(string id)
        {
            for (var s = this; s is not null && s._head is not null; s = s._tail)
                if (s._head == id)
                    return true;
            return false;
        }
    }
}
