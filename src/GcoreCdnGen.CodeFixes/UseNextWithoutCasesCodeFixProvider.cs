using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GcoreCdnGen.Analyzers;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GcoreCdnGen.CodeFixes;

/// <summary>
/// GCDN001: sets <c>proxy_next_upstream</c> to the spec's default cases (<c>["error", "timeout"]</c>) next to the
/// <c>UseNext = true</c> that needs them: in the same initializer, after the same statement, or in place of the
/// empty value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseNextWithoutCasesCodeFixProvider)), Shared]
public sealed class UseNextWithoutCasesCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UseNextWithoutCases.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UseNextWithoutCasesAnalyzer.CasesMemberKey, out var member) || member is null ||
                !diagnostic.Properties.TryGetValue(UseNextWithoutCasesAnalyzer.CasesKey, out var cases) || cases is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment || !assignment.Span.Equals(diagnostic.Location.SourceSpan))
                continue;
            if (Plan(assignment, member) is null)
                continue;
            string title = "Set " + member + " to the spec's default cases (" + string.Join(", ", cases.Split('\n')) + ")";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, assignment, member, cases, ct), nameof(UseNextWithoutCasesCodeFixProvider)),
                diagnostic);
        }
    }

    private enum Kind
    {
        ReplaceValue,
        AddToInitializer,
        AddStatement,
    }

    private static (Kind Kind, SyntaxNode Target)? Plan(AssignmentExpressionSyntax assignment, string member)
    {
        if (NameOf(assignment.Left) == member)
            return (Kind.ReplaceValue, assignment);
        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => NameOf(a.Left) == member);
            return existing is not null ? (Kind.ReplaceValue, existing) : (Kind.AddToInitializer, initializer);
        }

        if (assignment.Parent is ExpressionStatementSyntax statement && assignment.Left is MemberAccessExpressionSyntax &&
            statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
        {
            return (Kind.AddStatement, statement);
        }

        return null;
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax Cases(string cases) =>
        SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(
            cases.Split('\n').Select(c => SyntaxFactory.ExpressionElement(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(c))))));

    private static async Task<Document> FixAsync(Document document, AssignmentExpressionSyntax assignment, string member, string cases, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || Plan(assignment, member) is not { } plan)
            return document;
        var value = Cases(cases);
        SyntaxNode newRoot;
        switch (plan.Kind)
        {
            case Kind.ReplaceValue:
            {
                var target = (AssignmentExpressionSyntax)plan.Target;
                newRoot = root.ReplaceNode(target.Right, value.NormalizeWhitespace().WithTriviaFrom(target.Right));
                break;
            }

            case Kind.AddToInitializer:
            {
                var initializer = (InitializerExpressionSyntax)plan.Target;
                var added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value);
                int index = initializer.Expressions.IndexOf(assignment) + 1;
                newRoot = root.ReplaceNode(initializer, AddToInitializer(initializer, index, added));
                break;
            }

            default:
            {
                var statement = (ExpressionStatementSyntax)plan.Target;
                var receiver = ((MemberAccessExpressionSyntax)assignment.Left).Expression.WithoutTrivia();
                var added = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(member)),
                        value))
                    .NormalizeWhitespace()
                    .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                    .WithTrailingTrivia(EndOfLine(statement));
                newRoot = root.InsertNodesAfter(statement, new[] { added });
                break;
            }
        }

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>Inserts an assignment after the one at <paramref name="index"/> - 1, keeping the initializer's layout.</summary>
    private static InitializerExpressionSyntax AddToInitializer(InitializerExpressionSyntax initializer, int index, ExpressionSyntax added)
    {
        var items = initializer.Expressions.ToList();
        var separators = initializer.Expressions.GetSeparators().ToList();
        var anchor = items[index - 1];
        bool multiline = anchor.GetFirstToken().GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        added = added.NormalizeWhitespace();
        if (index - 1 < separators.Count)
        {
            // The anchor has a comma after it: the new item goes after that comma, laid out like the item that
            // followed it (or like the anchor when it was the last), and gets a comma like it.
            var leading = index < items.Count ? items[index].GetLeadingTrivia()
                : multiline ? anchor.GetLeadingTrivia()
                : separators[index - 1].TrailingTrivia.Count > 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(SyntaxFactory.Space);
            items.Insert(index, added.WithLeadingTrivia(leading));
            separators.Insert(index, separators[index - 1]);
        }
        else
        {
            // The anchor is the last item without a trailing comma: the new item takes over its line end.
            items[index - 1] = anchor.WithoutTrailingTrivia();
            items.Add(added
                .WithLeadingTrivia(multiline ? anchor.GetLeadingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space))
                .WithTrailingTrivia(anchor.GetTrailingTrivia()));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken)
                .WithTrailingTrivia(multiline ? SyntaxFactory.TriviaList(EndOfLine(anchor)) : SyntaxFactory.TriviaList()));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList(items, separators));
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode near)
    {
        foreach (var trivia in near.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                return trivia;
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }
}
