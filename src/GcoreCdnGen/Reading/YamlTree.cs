using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Events;

namespace GcoreCdnGen.Reading;

/// <summary>
/// A YAML document as the JSON tree Microsoft.OpenApi reads (<see cref="OpenApiYamlReader.Read(JsonNode, Uri, Microsoft.OpenApi.Reader.OpenApiReaderSettings)"/>),
/// built in one pass over the text with <see cref="ReaderWorkarounds"/> applied on the way. Reading the text once
/// for the workarounds and once more inside the OpenAPI reader cost a second YAML parse of every document.
/// </summary>
/// <remarks>
/// Scalars are typed as that reader types them: a plain scalar is a number when it reads as a decimal, then a
/// boolean, then null (<c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c>), else a string; any other scalar is a string.
/// Only the first document of a stream is read. Its limits (depth, node count, nodes reached through aliases)
/// are the reader's defaults: a hostile document is refused with a <see cref="FormatException"/>, never expanded.
/// </remarks>
internal sealed class YamlTree
{
    private static readonly OpenApiYamlReaderSettings Limits = new();
    private static readonly HashSet<string> NullSpellings = new(StringComparer.Ordinal) { "~", "null", "Null", "NULL" };

    private readonly List<Frame> _frames = new();
    private readonly Dictionary<string, (JsonNode Node, string? Text)> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private readonly CancellationToken _ct;
    private readonly uint _maxDepth = Limits.MaxDepth;
    private uint _nodes;
    private uint _aliasNodes;
    private JsonNode? _root;

    private readonly ValuePath _path;

    private YamlTree(CancellationToken ct)
    {
        _ct = ct;
        _path = new ValuePath(_frames);
    }

    /// <summary>The first document of the YAML text as a JSON tree. Throws <see cref="YamlException"/> for broken YAML.</summary>
    public static JsonNode Read(string text, CancellationToken ct) => new YamlTree(ct).Parse(AsDecoded(text));

    /// <summary>The text as the OpenAPI reader would see it through a UTF-8 stream: no byte order mark, no lone surrogate.</summary>
    private static string AsDecoded(string text)
    {
        bool plain = text.Length == 0 || text[0] != '\uFEFF';
        for (int i = 0; plain && i < text.Length; i++)
            plain = !char.IsSurrogate(text[i]);
        if (plain)
            return text;
        using var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private JsonNode Parse(string text)
    {
        var parser = Parser.CreateParser(new StringReader(text), (int)_maxDepth);
        bool started = false;
        int events = 0;
        while (parser.MoveNext())
        {
            if ((++events & 0xFFF) == 0)
                _ct.ThrowIfCancellationRequested();
            switch (parser.Current)
            {
                case DocumentStart:
                    started = true;
                    break;
                case MappingStart start:
                    Open(new JsonObject(), start.Anchor);
                    break;
                case SequenceStart start:
                    Open(new JsonArray(), start.Anchor);
                    break;
                case Scalar scalar:
                    AddScalar(scalar);
                    break;
                case AnchorAlias alias:
                    AddAlias(alias.Value);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    Close();
                    break;
                case DocumentEnd:
                    return _root ?? throw new FormatException("the YAML document is empty");
                case StreamEnd:
                    return started && _root is not null ? _root : throw new FormatException("the text holds no YAML document");
            }
        }

        throw new FormatException("the text holds no YAML document");
    }

    private void Open(JsonNode container, string? anchor)
    {
        Charge(1);
        if (!string.IsNullOrEmpty(anchor))
        {
            CheckNewAnchor(anchor!);
            _openAnchors.Add(anchor!);
        }

        _frames.Add(new Frame(container, anchor));
    }

    private void Close()
    {
        var frame = _frames[_frames.Count - 1];
        if (frame.PendingKey is not null)
            throw new FormatException("a YAML mapping key has no value");
        _frames.RemoveAt(_frames.Count - 1);
        if (!string.IsNullOrEmpty(frame.Anchor))
        {
            _openAnchors.Remove(frame.Anchor!);
            _anchors.Add(frame.Anchor!, (frame.Container, null));
        }

        Add(frame.Container, null);
    }

    private void AddScalar(Scalar scalar)
    {
        Charge(1);
        string value = scalar.Value ?? "";
        bool isKey = _frames.Count > 0 && _frames[_frames.Count - 1] is { Container: JsonObject, PendingKey: null };
        string? replacement = isKey ? null : ReaderWorkarounds.Replacement(_path, scalar);
        JsonNode node = replacement is null ? Value(value, scalar.Style)
            : replacement.StartsWith("{", StringComparison.Ordinal) ? JsonNode.Parse(replacement)! : Value(replacement, ScalarStyle.Plain);
        if (!string.IsNullOrEmpty(scalar.Anchor))
        {
            CheckNewAnchor(scalar.Anchor!);
            _anchors.Add(scalar.Anchor!, (node, value));
        }

        Add(node, value);
    }

    /// <summary>An anchor names one node: a second definition, finished or still open, is refused.</summary>
    private void CheckNewAnchor(string anchor)
    {
        if (_anchors.ContainsKey(anchor) || _openAnchors.Contains(anchor))
            throw new FormatException("the YAML anchor '&" + anchor + "' is defined twice");
    }

    private FormatException TooDeep() => new("the YAML document nests deeper than " + _maxDepth + " levels");

    private void AddAlias(string name)
    {
        if (_openAnchors.Contains(name))
            throw new FormatException("the YAML alias '*" + name + "' refers to a node that contains it");
        if (!_anchors.TryGetValue(name, out var anchored))
            throw new FormatException("the YAML alias '*" + name + "' refers to no anchor");
        var (count, height) = Size(anchored.Node);
        if (_frames.Count >= _maxDepth || height > _maxDepth - (uint)_frames.Count)
            throw TooDeep();
        if (count > Limits.MaxAliasExpansionNodeCount - _aliasNodes)
            throw new FormatException("the YAML document's aliases expand to more than " + Limits.MaxAliasExpansionNodeCount + " nodes");
        _aliasNodes += count;
        Charge(count, depthChecked: true);
        Add(anchored.Node.DeepClone(), anchored.Text);
    }

    /// <summary>Adds a finished node to its container: as the pending key of a mapping (a scalar's text), or as a value.</summary>
    private void Add(JsonNode node, string? keyText)
    {
        if (_frames.Count == 0)
        {
            if (_root is not null)
                throw new FormatException("the YAML document has more than one root");
            _root = node;
            return;
        }

        var frame = _frames[_frames.Count - 1];
        if (frame.Container is JsonArray array)
        {
            array.Add(node);
        }
        else if (frame.PendingKey is null)
        {
            frame.PendingKey = keyText ?? throw new FormatException("a YAML mapping key is not a scalar");
        }
        else
        {
            var map = (JsonObject)frame.Container;
            if (map.ContainsKey(frame.PendingKey))
                throw new FormatException("the YAML mapping has the key '" + frame.PendingKey + "' twice");
            map.Add(frame.PendingKey, node);
            frame.PendingKey = null;
        }
    }

    private void Charge(uint count, bool depthChecked = false)
    {
        if (!depthChecked && (uint)_frames.Count >= _maxDepth)
            throw TooDeep();
        if (count > Limits.MaxNodeCount - _nodes)
            throw new FormatException("the YAML document has more than " + Limits.MaxNodeCount + " nodes");
        _nodes += count;
    }

    /// <summary>Nodes (containers and values, not keys) and levels of a subtree; a scalar is one of each.</summary>
    private static (uint Count, uint Height) Size(JsonNode? node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject map => EnumerateValues(map),
            JsonArray list => list,
            _ => Array.Empty<JsonNode?>(),
        };
        uint count = 1, height = 0;
        foreach (var child in children)
        {
            var (c, h) = Size(child);
            count += c;
            height = Math.Max(height, h);
        }

        return (count, height + 1);
    }

    private static IEnumerable<JsonNode?> EnumerateValues(JsonObject map)
    {
        foreach (var pair in map)
            yield return pair.Value;
    }

    /// <summary>A scalar as the OpenAPI reader types it.</summary>
    private static JsonNode Value(string value, ScalarStyle style)
    {
        if (style != ScalarStyle.Plain)
            return JsonValue.Create(value)!;
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
            return JsonValue.Create(number);
        if (bool.TryParse(value, out bool flag))
            return JsonValue.Create(flag);
        if (NullSpellings.Contains(value))
            return JsonNullSentinel.JsonNull.DeepClone();
        return JsonValue.Create(value)!;
    }

    private sealed class Frame(JsonNode container, string? anchor)
    {
        public JsonNode Container { get; } = container;

        public string? Anchor { get; } = anchor;

        /// <summary>In a mapping, the key whose value comes next.</summary>
        public string? PendingKey { get; set; }
    }

    /// <summary>The path of the value being read, segment by segment (a key, or an item's index), made only when asked.</summary>
    private sealed class ValuePath(List<Frame> frames) : IReadOnlyList<string>
    {
        public int Count => frames.Count;

        public string this[int index] => frames[index].Container is JsonArray array
            ? array.Count.ToString(CultureInfo.InvariantCulture)
            : frames[index].PendingKey ?? "";

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
                yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
