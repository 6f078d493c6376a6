using System.Collections.Immutable;
using System.Linq;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// Takes away the compiler's CS0612/CS0618 where GCDN002 reports the same use of a generated deprecated member or
/// type, so that the use is reported once (also when warnings are errors), with the spec's advice. Where GCDN002 is
/// turned off (<c>severity = none</c>, <c>NoWarn</c>, <c>#pragma warning disable</c>) the compiler's warning stays.
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
            if (tree is null || !DeprecatedUseIsReported(context, tree, diagnostic.Location.SourceSpan.Start))
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

    /// <summary>
    /// Whether GCDN002 is on at this place: not <c>none</c> by NoWarn or a rule set, by the file's .editorconfig or a
    /// global config, and not disabled by a <c>#pragma warning</c> before it. A suppressor cannot see which diagnostics
    /// other analyzers report, so it asks the settings the compiler would.
    /// </summary>
    private static bool DeprecatedUseIsReported(SuppressionAnalysisContext context, SyntaxTree tree, int position)
    {
        const string Id = RuleIdentifiers.DeprecatedUse;
        var options = context.Compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(Id, out var specific) && specific == ReportDiagnostic.Suppress)
            return false;
        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            if (provider.TryGetDiagnosticValue(tree, Id, context.CancellationToken, out var inTree))
            {
                if (inTree == ReportDiagnostic.Suppress)
                    return false;
            }
            else if (provider.TryGetGlobalDiagnosticValue(Id, context.CancellationToken, out var global) && global == ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        var root = tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
            return true;
        bool disabled = false;
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.SpanStart >= position)
                break;
            if (trivia.GetStructure() is not PragmaWarningDirectiveTriviaSyntax directive)
                continue;
            if (directive.ErrorCodes.Count == 0 || directive.ErrorCodes.Any(c => c is IdentifierNameSyntax name && name.Identifier.ValueText == Id))
                disabled = directive.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword);
        }

        return !disabled;
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
