using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GcoreCdnGen.Naming;

/// <summary>Word-level helpers for PascalCase names: split, singularize, join without stutter.</summary>
public static class Words
{
    /// <summary>The words of a PascalCase name: <c>S3SourceConfig</c> is S3, Source, Config.</summary>
    public static List<string> Split(string pascal)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            bool boundary = current.Length > 0 && char.IsUpper(c) &&
                (!char.IsUpper(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1])));
            if (boundary)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    /// <summary>The singular of a PascalCase name's last word (<c>OriginGroups</c> is <c>OriginGroup</c>).</summary>
    public static string Singular(string pascal)
    {
        if (pascal.EndsWith("ies", StringComparison.Ordinal) && pascal.Length > 4)
            return pascal.Substring(0, pascal.Length - 3) + "y";
        if (pascal.EndsWith("sses", StringComparison.Ordinal) || pascal.EndsWith("xes", StringComparison.Ordinal) ||
            pascal.EndsWith("ches", StringComparison.Ordinal) || pascal.EndsWith("shes", StringComparison.Ordinal))
            return pascal.Substring(0, pascal.Length - 2);
        if (pascal.EndsWith("s", StringComparison.Ordinal) && !pascal.EndsWith("ss", StringComparison.Ordinal) &&
            !pascal.EndsWith("us", StringComparison.Ordinal) && !pascal.EndsWith("is", StringComparison.Ordinal) && pascal.Length > 3)
            return pascal.Substring(0, pascal.Length - 1);
        return pascal;
    }

    /// <summary>
    /// Owner and member joined without stutter: the owner is cut where the member's first word starts in it, so
    /// <c>S3Config</c> + <c>S3Type</c> is <c>S3Type</c> and <c>OriginGroup</c> + <c>GroupId</c> is <c>OriginGroupId</c>.
    /// </summary>
    public static string Join(string owner, string member)
    {
        var ownerWords = Split(owner);
        var memberWords = Split(member);
        if (memberWords.Count == 0)
            return owner;
        int at = ownerWords.FindIndex(w => string.Equals(w, memberWords[0], StringComparison.Ordinal));
        if (at < 0)
            return owner + member;
        return string.Concat(ownerWords.Take(at)) + member;
    }

    /// <summary>A kind put before a name's last word: <c>Source</c> of kind s3 is <c>S3Source</c>.</summary>
    public static string WithKind(string name, string kind)
    {
        var words = Split(name);
        if (words.Count == 0)
            return kind;
        return string.Concat(words.Take(words.Count - 1)) + kind + words[words.Count - 1];
    }
}
