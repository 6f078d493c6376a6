using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GcoreCdnGen.Tests.TestInfrastructure;

/// <summary>
/// The public C# surface of a generated namespace as a user sees it: types (kind, base, constructible or not) and
/// their public members with their types and whether they are <c>required</c>. Docs and attributes are left out.
/// </summary>
public static class PublicSurface
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    public static string Dump(Compilation compilation, string ns)
    {
        var root = compilation.Assembly.GlobalNamespace;
        foreach (var part in ns.Split('.'))
            root = root.GetNamespaceMembers().FirstOrDefault(n => n.Name == part) ?? throw new InvalidOperationException("No namespace " + ns);
        var lines = new List<string>();
        foreach (var type in root.GetTypeMembers())
            DumpType(type, lines);
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static void DumpType(INamedTypeSymbol type, List<string> lines)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
            return;
        string name = type.ToDisplayString(Format);
        string kind = type.TypeKind == TypeKind.Struct ? "struct" : type.TypeKind.ToString().ToLowerInvariant();
        bool constructible = !type.IsAbstract && !type.IsStatic && type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public);
        string bases = type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType and not SpecialType.System_Enum } b
            ? " : " + b.ToDisplayString(Format)
            : "";
        lines.Add(name + " [" + kind + (type.IsAbstract ? " abstract" : "") + (type.IsStatic ? " static" : "") + (constructible ? " new()" : "") + "]" + bases);
        foreach (var member in type.GetMembers())
        {
            if (member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
                continue;
            switch (member)
            {
                case IPropertySymbol p:
                    lines.Add(name + "." + p.Name + ": " + (p.IsRequired ? "required " : "") + (p.IsStatic ? "static " : "") + p.Type.ToDisplayString(Format) +
                        (p.SetMethod is { DeclaredAccessibility: Accessibility.Public } ? " set" : ""));
                    break;
                case IFieldSymbol f:
                    lines.Add(name + "." + f.Name + ": " + (f.IsStatic ? "static " : "") + f.Type.ToDisplayString(Format));
                    break;
                case IMethodSymbol m when m.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.UserDefinedOperator or MethodKind.Conversion:
                    if (m.Name is "PrintMembers" or "<Clone>$" or "Deconstruct")
                        break;
                    lines.Add(name + "." + m.ToDisplayString(Format));
                    break;
            }
        }

        foreach (var nested in type.GetTypeMembers())
            DumpType(nested, lines);
    }

    /// <summary>The lines that differ between two dumps, for a readable failure message.</summary>
    public static string Diff(string before, string after, int max = 60)
    {
        var a = new HashSet<string>(before.Split('\n'));
        var b = new HashSet<string>(after.Split('\n'));
        var sb = new StringBuilder();
        foreach (var line in a.Except(b).Take(max))
            sb.Append("- ").AppendLine(line);
        foreach (var line in b.Except(a).Take(max))
            sb.Append("+ ").AppendLine(line);
        return sb.ToString();
    }
}
