using System;
using System.Text;

namespace GcoreCdnGen.Emitting
{
    /// <summary>A small indented writer: emitters write lines, blocks indent themselves.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new();
        private int _indent;

        public SourceWriter Line(string text = "")
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
            var lines = Naming.Escaping.DocLines(text!);
            if (lines.Count == 1)
            {
                Line("/// " + open + lines[0].Trim() + "</" + element + ">");
                return;
            }

            Line("/// " + open);
            foreach (var line in lines)
                Line(("/// " + line.TrimEnd()).TrimEnd());
            Line("/// </" + element + ">");
        }

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
}
