using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Naming;

/// <summary>
/// The one place where text from a spec is made safe for the C# it lands in: a string literal or XML doc text.
/// (Identifiers are made by <see cref="Identifiers.Pascal"/>, which keeps letters and digits only.) A spec is
/// untrusted input: nothing in it may end a comment or a literal and go on as code in the user's assembly.
/// </summary>
public static class Escaping
{
    /// <summary>A regular C# string literal of the value: every character that is not printable as it is comes as an escape.</summary>
    public static string Literal(string value) => GcoreRules.Literal(value);

    /// <summary>A JSON string of the value (to be put in a C# literal with <see cref="Literal"/>).</summary>
    public static string JsonString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (c == '"' || c == '\\')
                sb.Append('\\').Append(c);
            else if (c < ' ')
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// Doc comment text, one entry per line of the value: the value is split at every line break C# knows
    /// (CR, LF, CRLF, NEL, U+2028, U+2029), so no entry holds one, and each entry is escaped as <see cref="DocText"/>.
    /// </summary>
    public static IReadOnlyList<string> DocLines(string value)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (!GcoreRules.IsLineBreak(value[i]))
                continue;
            lines.Add(DocText(value.Substring(start, i - start)));
            if (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                i++;
            start = i + 1;
        }

        lines.Add(DocText(value.Substring(start)));
        return lines;
    }

    /// <summary>
    /// Text for one line of an XML doc comment: markup characters escaped, line breaks turned into spaces, and
    /// characters XML does not allow (control characters, unpaired surrogates) replaced.
    /// </summary>
    public static string DocText(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\t': sb.Append(c); break;
                default:
                    if (GcoreRules.IsLineBreak(c) || char.IsControl(c))
                        sb.Append(' ');
                    else if (GcoreRules.NeedsEscape(value, i))
                        sb.Append('\uFFFD');
                    else
                        sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
