using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// Takes away the compiler's CS0612/CS0618 where GCDN002 reports the same use of a generated deprecated member or
/// type, so that the use is reported once (also when warnings are errors), with the spec's advice.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class DeprecatedUseSuppressor : DiagnosticSuppressor
{
    public static readonly SuppressionDescriptor ObsoleteWithoutMessage = new(
        RuleIdentifiers.DeprecatedUseWithoutMessageSuppression, "CS0612", "GCDN002 reports this use of a member the API spec deprecates, with what to use instead.");

    public static readonly SuppressionDescriptor ObsoleteWithMessage = new(
        RuleIdentifiers.DeprecatedUseWithMessageSuppression, "CS0618", "GCDN002 reports this use of a member the API spec deprecates, with what to use instead.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(ObsoleteWithoutMessage, ObsoleteWithMessage);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        Markers? markers = null;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
                continue;
            var root = tree.GetRoot(context.CancellationToken);
            var name = NameOf(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (name is null || !DeprecatedUseAnalyzer.IsReportedName(name))
                continue;
            var model = context.GetSemanticModel(tree);
            var symbol = model.GetSymbolInfo(name, context.CancellationToken).Symbol;
            if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                symbol = constructor.ContainingType;
            if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
                symbol = reduced;
            if (symbol is null || (symbol.Name != name.Identifier.ValueText && model.GetAliasInfo(name, context.CancellationToken) is null))
                continue;
            markers ??= Markers.For(context.Compilation);
            if (markers.Deprecation(symbol) is null)
                continue;
            context.ReportSuppression(Suppression.Create(diagnostic.Id == "CS0612" ? ObsoleteWithoutMessage : ObsoleteWithMessage, diagnostic));
        }
    }

    /// <summary>The name the compiler's diagnostic is about: it reports on <c>x.Name</c>, <c>.Name</c>, <c>Ns.Name</c>, <c>Name?</c> as well as on the name.</summary>
    private static SimpleNameSyntax? NameOf(SyntaxNode node)
    {
        while (true)
        {
            switch (node)
            {
                case SimpleNameSyntax simple:
                    return simple;
                case MemberAccessExpressionSyntax access:
                    node = access.Name;
                    break;
                case MemberBindingExpressionSyntax binding:
                    node = binding.Name;
                    break;
                case QualifiedNameSyntax qualified:
                    node = qualified.Right;
                    break;
                case AliasQualifiedNameSyntax alias:
                    node = alias.Name;
                    break;
                case NullableTypeSyntax nullable:
                    node = nullable.ElementType;
                    break;
                default:
                    return null;
            }
        }
    }
}
