using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GcoreCdnGen.Naming;

/// <summary>Turns names from a spec into valid, stable C# identifiers.</summary>
public static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>PascalCase of a name: words split at anything that is not a letter or digit, and at case changes.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upperNext = true;
        char previous = '\0';
        foreach (char c in name)
        {
            if (!IsIdentifierPart(c))
            {
                upperNext = true;
                previous = c;
                continue;
            }

            if (upperNext || (char.IsUpper(c) && char.IsLower(previous)))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else
            {
                sb.Append(c);
            }

            upperNext = false;
            previous = c;
        }

        if (sb.Length == 0)
            return "Value";
        if (!IsIdentifierStart(sb[0]))
            sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>camelCase of a name, escaped with <c>@</c> where it is a keyword.</summary>
    public static string Camel(string name)
    {
        string pascal = Pascal(name);
        string camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c)
    {
        if (c < 128)
            return char.IsLetterOrDigit(c);
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber;
    }

    /// <summary>A C# string literal of the value (see <see cref="Escaping.Literal"/>).</summary>
    public static string Literal(string value) => Escaping.Literal(value);
}

/// <summary>Hands out unique names within one scope, in a stable order: the first to ask gets the plain name.</summary>
public sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(params string[] reserved) => _taken = new HashSet<string>(reserved, StringComparer.Ordinal);

    /// <summary>A scope that compares names with <paramref name="comparer"/> (ignoring case, for type names that become file names).</summary>
    public NameScope(IEqualityComparer<string> comparer, params string[] reserved) => _taken = new HashSet<string>(reserved, comparer);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>For a name asked for before, the suffix to try next: every lower one is taken, and names are never given back.</summary>
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    public string Claim(string wanted)
    {
        if (_taken.Add(wanted))
            return wanted;
        for (int i = _nextSuffix.TryGetValue(wanted, out int next) ? next : 2; ; i++)
        {
            string candidate = wanted + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                _nextSuffix[wanted] = i + 1;
                return candidate;
            }
        }
    }
}
