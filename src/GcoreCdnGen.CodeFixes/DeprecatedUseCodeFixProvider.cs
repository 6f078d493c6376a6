using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GcoreCdnGen.CodeFixes;

/// <summary>
/// GCDN002: removes the assignment of a deprecated property (from an object initializer or <c>with</c>
/// expression, or the whole <c>x.Prop = …;</c> statement), offered only when the code still compiles without it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeprecatedUseCodeFixProvider)), Shared]
public sealed class DeprecatedUseCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DeprecatedUse.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not SimpleNameSyntax name || Removal(name) is not { } removed)
                continue;
            var changed = Remove(context.Document, root, removed);
            if (!await StillCompilesAsync(context.Document, changed, context.CancellationToken).ConfigureAwait(false))
                continue;
            context.RegisterCodeFix(
                CodeAction.Create("Remove the assignment of deprecated '" + name.Identifier.ValueText + "'", _ => Task.FromResult(changed), nameof(DeprecatedUseCodeFixProvider)),
                diagnostic);
        }
    }

    /// <summary>The node whose removal takes the assignment away: an initializer entry or a statement.</summary>
    private static SyntaxNode? Removal(SimpleNameSyntax name)
    {
        // Prop = value inside { … }
        if (name.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } entry && entry.Left == name &&
            entry.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return entry;
        }

        // x.Prop = value;
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name &&
            access.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment &&
            assignment.Left == access && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
            statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            return statement;
        }

        return null;
    }

    private static Document Remove(Document document, SyntaxNode root, SyntaxNode removed)
    {
        if (removed is AssignmentExpressionSyntax entry && entry.Parent is InitializerExpressionSyntax initializer)
        {
            var items = initializer.Expressions.ToList();
            var separators = initializer.Expressions.GetSeparators().ToList();
            int index = items.IndexOf(entry);
            items.RemoveAt(index);
            if (index < separators.Count)
            {
                separators.RemoveAt(index);
            }
            else if (separators.Count > 0)
            {
                // The last entry goes: the comma before it goes too, and its line end stays.
                separators.RemoveAt(separators.Count - 1);
                if (items.Count > 0)
                    items[items.Count - 1] = items[items.Count - 1].WithTrailingTrivia(entry.GetTrailingTrivia());
            }

            var newInitializer = initializer.WithExpressions(SyntaxFactory.SeparatedList(items, separators));
            return document.WithSyntaxRoot(root.ReplaceNode(initializer, newInitializer));
        }

        var newRoot = root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepDirectives);
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }

    /// <summary>True when the change adds no compiler error to the document.</summary>
    private static async Task<bool> StillCompilesAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (oldModel is null || newModel is null)
            return false;
        int Errors(SemanticModel model) => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError);
        return Errors(newModel) <= Errors(oldModel);
    }
}
