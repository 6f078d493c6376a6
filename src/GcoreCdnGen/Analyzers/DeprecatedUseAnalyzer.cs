using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN002: a use of a property, schema, enum value, operation or parameter the spec marks deprecated. The generator
/// marks them <c>[Obsolete]</c>; <see cref="DeprecatedUseSuppressor"/> takes the compiler's CS0612/CS0618 for the
/// same use away, so each use is reported once, with what the spec says to use instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedUseAnalyzer : GeneratedCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeprecatedUse);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(
            c => Member(c, markers),
            OperationKind.PropertyReference, OperationKind.Invocation, OperationKind.MethodReference);
        start.RegisterOperationAction(c => Argument(c, markers), OperationKind.Argument);

        // Type names are not operations (declarations, casts, patterns, typeof): find them by syntax, and bind
        // only names that a deprecated generated type carries.
        var typeNames = DeprecatedTypeNames(start.Compilation, markers);
        if (typeNames.Count > 0)
            AddAliases(start.Compilation, typeNames, start.CancellationToken);
        if (typeNames.Count > 0)
            start.RegisterSyntaxNodeAction(c => TypeName(c, markers, typeNames), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
    }

    /// <summary>True for the uses GCDN002 reports; the suppressor asks the same question of the compiler's CS0618.</summary>
    internal static bool IsReportedName(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (n is UsingDirectiveSyntax or XmlCrefAttributeSyntax or DocumentationCommentTriviaSyntax)
                return false;
            if (n is MemberDeclarationSyntax or StatementSyntax)
                break;
        }

        return !node.IsPartOfStructuredTrivia();
    }

    private static void Member(OperationAnalysisContext context, Markers markers)
    {
        ISymbol? symbol = context.Operation switch
        {
            IPropertyReferenceOperation property => property.Property,
            IInvocationOperation invocation => invocation.TargetMethod,
            IMethodReferenceOperation method => method.Method,
            _ => null,
        };
        if (markers.Deprecation(symbol) is not { } message || Markers.InDeprecatedContext(context.ContainingSymbol))
            return;
        var location = Values.NameLocation(context.Operation.Syntax);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedUse, location, symbol!.Name, markers.Describe(symbol), message));
    }

    private static void Argument(OperationAnalysisContext context, Markers markers)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit || markers.Parameter(argument.Parameter) is not { Deprecated: { } deprecated } parameter)
            return;
        if (Markers.InDeprecatedContext(context.ContainingSymbol))
            return;
        string message = Deprecation.Reason(deprecated);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedUse, argument.Syntax.GetLocation(), argument.Parameter!.Name, "parameter " + parameter.Name, message));
    }

    private static void TypeName(SyntaxNodeAnalysisContext context, Markers markers, HashSet<string> names)
    {
        var name = (SimpleNameSyntax)context.Node;
        if (!names.Contains(name.Identifier.ValueText) || !IsReportedName(name))
            return;
        var symbol = context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            symbol = constructor.ContainingType;
        if (symbol is not INamedTypeSymbol type || markers.Deprecation(type) is not { } message)
            return;
        if (Markers.InDeprecatedContext(context.ContainingSymbol))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedUse, name.GetLocation(), name.Identifier.ValueText, markers.Describe(type), message));
    }

    /// <summary>Simple names of the generated types that are deprecated, in this compilation and its references.</summary>
    private static HashSet<string> DeprecatedTypeNames(Compilation compilation, Markers markers)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    Walk(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    if (markers.Deprecation(type) is not null)
                        names.Add(type.Name);
                    Walk(type);
                }
            }
        }

        // Only namespaces that declare the marker attribute hold generated types.
        foreach (var marker in compilation.GetSymbolsWithName(Markers.SchemaAttribute, SymbolFilter.Type))
        {
            if (marker.ContainingNamespace is { } ns)
                Walk(ns);
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && assembly.TypeNames.Contains(Markers.SchemaAttribute))
            {
                foreach (var ns in Namespaces(assembly.GlobalNamespace))
                {
                    foreach (var t in ns.GetTypeMembers(Markers.SchemaAttribute))
                        Walk(t.ContainingNamespace);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// Adds the names of using aliases that name one of the types (<c>using LegacyAuth = Contoso.Gcore.Auth;</c>):
    /// a syntactic look at the using directives only, the binding of each use confirms.
    /// </summary>
    private static void AddAliases(Compilation compilation, HashSet<string> names, System.Threading.CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        void Look(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && directive.NamespaceOrType is { } target && LastName(target) is { } last && names.Contains(last))
                    aliases.Add(alias.Name.Identifier.ValueText);
            }
        }

        void LookInto(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    Look(ns.Usings);
                    LookInto(ns.Members);
                }
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                Look(unit.Usings);
                LookInto(unit.Members);
            }
        }

        foreach (var alias in aliases)
            names.Add(alias);
    }

    private static string? LastName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static IEnumerable<INamespaceSymbol> Namespaces(INamespaceSymbol root)
    {
        yield return root;
        foreach (var child in root.GetNamespaceMembers())
        {
            foreach (var ns in Namespaces(child))
                yield return ns;
        }
    }
}
