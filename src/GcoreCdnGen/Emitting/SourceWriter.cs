using System;
using System.Text;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// A small indented writer: emitters write lines and templates, blocks indent themselves. A template is C# as it will
/// be emitted, usually a raw string literal; each of its lines is indented to the current level, so an emitter shows
/// the code it writes at the indentation it writes it.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    /// <summary>
    /// Writes <paramref name="text"/> at the current indentation. Text of several lines (a template) is written line by
    /// line, each indented; an empty line stays empty.
    /// </summary>
    public SourceWriter Line(string text = "")
    {
        if (text.IndexOf('\n') < 0)
            return WriteOne(text);
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            WriteOne(line);
        return this;
    }

    private SourceWriter WriteOne(string text)
    {
        if (text.Length == 0)
        {
            _sb.Append('\n');
            return this;
        }

        _sb.Append(' ', _indent * 4).Append(text).Append('\n');
        return this;
    }

    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Closer(this, "}");
    }

    public IDisposable Block(string header, string closer)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Closer(this, closer);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>
    /// Writes an XML doc element from free text (the spec's Markdown made XML doc by <see cref="DocText"/>), on one
    /// line when it fits one, else one line per line of text.
    /// </summary>
    public void Doc(string element, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        string open = attributes is null ? $"<{element}>" : $"<{element} {attributes}>";
        var lines = DocText(text!);
        if (lines.Count == 1)
        {
            Line($"/// {open}{lines[0].Trim()}</{element}>");
            return;
        }

        Line($"/// {open}");
        WriteDocLines(lines);
        Line($"/// </{element}>");
    }

    /// <summary>Writes free text as the lines of an XML doc element whose tags the caller writes.</summary>
    public void DocLines(string text) => WriteDocLines(DocText(text));

    private void WriteDocLines(System.Collections.Generic.IEnumerable<string> lines)
    {
        foreach (var line in lines)
            Line($"/// {line.TrimEnd()}".TrimEnd());
    }

    /// <summary>
    /// Free text (descriptions are Markdown) as XML doc lines: the text is escaped first, then <c>`code`</c> becomes
    /// <c>&lt;c&gt;</c>, <c>**bold**</c> becomes <c>&lt;b&gt;</c>, and lines that start with <c>- </c> or <c>* </c> become a
    /// bulleted <c>&lt;list&gt;</c>. Only what opens and closes on one line is converted, so every tag written is closed.
    /// </summary>
    public static System.Collections.Generic.List<string> DocText(string text)
    {
        var result = new System.Collections.Generic.List<string>();
        bool inList = false;
        foreach (var raw in Naming.Escaping.DocLines(text))
        {
            string line = Inline(raw);
            string trimmed = line.TrimStart();
            bool item = trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal);
            if (item && !inList)
                result.Add("""<list type="bullet">""");
            else if (!item && inList)
                result.Add("</list>");
            inList = item;
            result.Add(item ? $"<item><description>{trimmed.Substring(2).Trim()}</description></item>" : line);
        }

        if (inList)
            result.Add("</list>");
        return result;
    }

    private static readonly System.Text.RegularExpressions.Regex Code = new("`([^`]+)`");
    private static readonly System.Text.RegularExpressions.Regex Bold = new(@"\*\*([^*]+)\*\*");
    private static readonly System.Text.RegularExpressions.Regex BoldCode = new(@"\*\*(<c>[^<]*</c>)\*\*");

    /// <summary>Code spans first, taken as they are; bold outside them, and around a whole code span (<c>**`x`**</c>).</summary>
    private static string Inline(string line)
    {
        var sb = new StringBuilder();
        int at = 0;
        foreach (System.Text.RegularExpressions.Match code in Code.Matches(line))
        {
            sb.Append(Bold.Replace(line.Substring(at, code.Index - at), "<b>$1</b>")).Append("<c>").Append(code.Groups[1].Value).Append("</c>");
            at = code.Index + code.Length;
        }

        sb.Append(Bold.Replace(line.Substring(at), "<b>$1</b>"));
        return BoldCode.Replace(sb.ToString(), "<b>$1</b>");
    }

    /// <summary>
    /// Writes the <c>param</c> doc of the parameter <paramref name="name"/> (a C# identifier) from free text. A doc
    /// comment names a keyword parameter (<c>@default</c>) without its <c>@</c>.
    /// </summary>
    public void Param(string name, string? text) => Doc("param", text, $"""
        name="{name.TrimStart('@')}"
        """);

    /// <summary>Spec text for a doc comment line: see <see cref="Naming.Escaping.DocText"/>.</summary>
    public static string Xml(string text) => Naming.Escaping.DocText(text);

    public override string ToString() => _sb.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _text;

        public Closer(SourceWriter writer, string text)
        {
            _writer = writer;
            _text = text;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_text);
        }
    }
}
