using System;
using System.Text;

namespace GcoreCdnGen.Emitting
{
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

        /// <summary>Writes an XML doc element from free text, one line per line of text.</summary>
        public void Doc(string element, string? text, string? attributes = null)
        {
            if (string.IsNullOrWhiteSpace(text))
                return;
            string open = attributes is null ? "<" + element + ">" : "<" + element + " " + attributes + ">";
            var lines = Xml(text!).Replace("\r\n", "\n").Split('\n');
            if (lines.Length == 1)
            {
                Line("/// " + open + lines[0].Trim() + "</" + element + ">");
                return;
            }

            Line("/// " + open);
            foreach (var line in lines)
                Line(("/// " + line.TrimEnd()).TrimEnd() + (line.Trim().Length == 0 ? "" : ""));
            Line("/// </" + element + ">");
        }

        /// <summary>Writes the <c>param</c> doc of the parameter <paramref name="name"/> (a C# identifier) from free text.</summary>
        public void Param(string name, string? text) => Doc("param", text, $"""
            name="{name}"
            """);

        public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

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
}
