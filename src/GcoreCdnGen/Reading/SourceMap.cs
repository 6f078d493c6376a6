using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SharpYaml;
using SharpYaml.Events;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Finds where a JSON pointer (<c>#/components/schemas/Foo/properties/bar</c>) sits in the spec text, so every
/// diagnostic can point at a line and column. Built only when there is something to report.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private SourceMap() { }

    /// <summary>Builds the map, or returns a map that knows nothing when the text is not YAML/JSON at all.</summary>
    public static SourceMap Build(string text)
    {
        var map = new SourceMap();
        try
        {
            map.Walk(Parser.CreateParser(new StringReader(text)), null);
        }
        catch (Exception)
        {
            // A broken document: positions found before the break are still useful; the rest map to the top.
        }

        return map;
    }

    /// <summary>The one-based line and column of the pointer, or of its nearest ancestor that is known.</summary>
    public (int Line, int Column) Locate(string? pointer)
    {
        string current = Normalize(pointer);
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
                return position;
            int slash = current.LastIndexOf('/');
            if (slash <= 0)
                return _positions.TryGetValue("", out var root) ? root : (1, 1);
            current = current.Substring(0, slash);
        }
    }

    private static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
            return "";
        string p = pointer!;
        int hash = p.IndexOf('#');
        if (hash >= 0)
            p = p.Substring(hash + 1);
        return p.TrimEnd('/');
    }

    /// <summary>Calls <paramref name="onValue"/> with the JSON pointer (without <c>#</c>) of every scalar value of the text.</summary>
    public static void VisitValues(string text, Action<string, Scalar> onValue) =>
        new SourceMap().Walk(Parser.CreateParser(new StringReader(text)), onValue);

    private void Walk(IParser parser, Action<string, Scalar>? onValue)
    {
        // A stack of containers; for a mapping, the key whose value comes next.
        var stack = new List<Frame>();
        while (parser.MoveNext())
        {
            ParsingEvent? e = parser.Current;
            if (e is null)
                continue;
            switch (e)
            {
                case MappingStart:
                case SequenceStart:
                    string path = NextValuePath(stack, e);
                    stack.Add(new Frame(path, e is SequenceStart));
                    break;
                case MappingEnd:
                case SequenceEnd:
                    stack.RemoveAt(stack.Count - 1);
                    AfterValue(stack);
                    break;
                case Scalar scalar:
                    if (stack.Count > 0 && !stack[stack.Count - 1].IsSequence && stack[stack.Count - 1].PendingKey is null)
                    {
                        // A mapping key: remember where it stands, the value's path is located at its key.
                        var frame = stack[stack.Count - 1];
                        frame.PendingKey = scalar.Value;
                        Record(frame.Path + "/" + Escape(scalar.Value), e);
                    }
                    else
                    {
                        string valuePath = NextValuePath(stack, e);
                        onValue?.Invoke(valuePath, scalar);
                        AfterValue(stack);
                    }

                    break;
                case AnchorAlias:
                    NextValuePath(stack, e);
                    AfterValue(stack);
                    break;
            }
        }
    }

    private string NextValuePath(List<Frame> stack, ParsingEvent e)
    {
        if (stack.Count == 0)
        {
            Record("", e);
            return "";
        }

        var frame = stack[stack.Count - 1];
        string path;
        if (frame.IsSequence)
        {
            path = frame.Path + "/" + frame.Index;
            Record(path, e);
        }
        else
        {
            path = frame.Path + "/" + Escape(frame.PendingKey ?? "");
        }

        return path;
    }

    private static void AfterValue(List<Frame> stack)
    {
        if (stack.Count == 0)
            return;
        var frame = stack[stack.Count - 1];
        if (frame.IsSequence)
            frame.Index++;
        else
            frame.PendingKey = null;
    }

    private void Record(string path, ParsingEvent e)
    {
        if (!_positions.ContainsKey(path))
            _positions[path] = (e.Start.Line + 1, e.Start.Column + 1);
    }

    private static string Escape(string key)
    {
        if (key.IndexOf('~') < 0 && key.IndexOf('/') < 0)
            return key;
        var sb = new StringBuilder(key.Length + 4);
        foreach (char c in key)
        {
            if (c == '~') sb.Append("~0");
            else if (c == '/') sb.Append("~1");
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private sealed class Frame
    {
        public Frame(string path, bool isSequence)
        {
            Path = path;
            IsSequence = isSequence;
        }

        public string Path { get; }

        public bool IsSequence { get; }

        public string? PendingKey { get; set; }

        public int Index { get; set; }
    }
}
