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
        var switches = new System.Collections.Generic.Dictionary<SyntaxTree, System.Collections.Generic.List<(int Position, bool On)>?>();
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
                continue;
            if (!switches.TryGetValue(tree, out var treeSwitches))
                switches[tree] = treeSwitches = DeprecatedUseSwitches(context, tree);
            if (!IsOn(treeSwitches, diagnostic.Location.SourceSpan.Start))
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
    /// Where GCDN002 is on in a file, read once per file: null when NoWarn or a rule set, the file's .editorconfig or a
    /// global config turns it off (<c>none</c>); otherwise the places where a <c>#pragma warning</c> turns it off or
    /// back on, in order (empty: on everywhere). A suppressor cannot see which diagnostics other analyzers report, so
    /// it asks the settings the compiler would.
    /// </summary>
    private static System.Collections.Generic.List<(int Position, bool On)>? DeprecatedUseSwitches(SuppressionAnalysisContext context, SyntaxTree tree)
    {
        const string Id = RuleIdentifiers.DeprecatedUse;
        var options = context.Compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(Id, out var specific) && specific == ReportDiagnostic.Suppress)
            return null;
        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            if (provider.TryGetDiagnosticValue(tree, Id, context.CancellationToken, out var inTree))
            {
                if (inTree == ReportDiagnostic.Suppress)
                    return null;
            }
            else if (provider.TryGetGlobalDiagnosticValue(Id, context.CancellationToken, out var global) && global == ReportDiagnostic.Suppress)
            {
                return null;
            }
        }

        var switches = new System.Collections.Generic.List<(int Position, bool On)>();
        var root = tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
            return switches;
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.GetStructure() is PragmaWarningDirectiveTriviaSyntax directive &&
                (directive.ErrorCodes.Count == 0 || directive.ErrorCodes.Any(c => c is IdentifierNameSyntax name && name.Identifier.ValueText == Id)))
            {
                switches.Add((directive.SpanStart, !directive.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)));
            }
        }

        return switches;
    }

    /// <summary>Whether GCDN002 is on at <paramref name="position"/>: the last switch before it decides.</summary>
    private static bool IsOn(System.Collections.Generic.List<(int Position, bool On)>? switches, int position)
    {
        if (switches is null)
            return false;
        bool on = true;
        foreach (var (at, value) in switches)
        {
            if (at >= position)
                break;
            on = value;
        }

        return on;
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
