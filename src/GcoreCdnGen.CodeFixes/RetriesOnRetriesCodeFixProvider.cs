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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.CodeFixes;

/// <summary>
/// GCDN007: turns the client's own retries off where it is registered, so that the resilience handler is the one
/// that retries: <c>MaxRetries = 0</c> in the registration's <c>configure</c> lambda (added to it, changed in it, or
/// a new lambda when there is none).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetriesOnRetriesCodeFixProvider)), Shared]
public sealed class RetriesOnRetriesCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RetriesOnRetries.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0] is not { } where || where.SourceTree != root.SyntaxTree ||
                root.FindNode(where.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax registration ||
                Rewrite(model, registration, context.CancellationToken) is not { } rewritten)
            {
                continue;
            }

            var changed = context.Document.WithSyntaxRoot(root.ReplaceNode(registration, rewritten.WithAdditionalAnnotations(Formatter.Annotation)));
            context.RegisterCodeFix(
                CodeAction.Create("Turn the client's own retries off (MaxRetries = 0)", _ => Task.FromResult(changed), nameof(RetriesOnRetriesCodeFixProvider)),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax? Rewrite(SemanticModel model, InvocationExpressionSyntax registration, CancellationToken cancellationToken)
    {
        if (model.GetOperation(registration, cancellationToken) is not IInvocationOperation invocation ||
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == RetriesOnRetriesAnalyzer.Configure) is not { } configure)
        {
            return null;
        }

        if (configure.ArgumentKind == ArgumentKind.DefaultValue)
        {
            var lambda = NewLambda(model, registration.SpanStart);
            bool named = registration.ArgumentList.Arguments.Any(a => a.NameColon is not null);
            var argument = SyntaxFactory.Argument(lambda);
            if (named)
                argument = argument.WithNameColon(SyntaxFactory.NameColon(RetriesOnRetriesAnalyzer.Configure));
            return registration.AddArgumentListArguments(argument);
        }

        if (configure.Syntax is not ArgumentSyntax { Expression: var expression })
            return null;
        ExpressionSyntax? replacement = expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) => NewLambda(model, registration.SpanStart),
            SimpleLambdaExpressionSyntax simple => TurnOff(simple, simple.Parameter.Identifier.ValueText),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => TurnOff(parenthesized, parenthesized.ParameterList.Parameters[0].Identifier.ValueText),
            _ => null,
        };
        return replacement is null ? null : registration.ReplaceNode(expression, replacement);
    }

    /// <summary><c>options => options.MaxRetries = 0</c>, with a parameter name nothing in scope uses.</summary>
    private static ExpressionSyntax NewLambda(SemanticModel model, int position)
    {
        string name = "options";
        for (int i = 2; model.LookupSymbols(position, name: name).Length > 0; i++)
            name = "options" + i;
        return SyntaxFactory.ParseExpression($"{name} => {name}.{RetriesOnRetriesAnalyzer.MaxRetries} = 0");
    }

    /// <summary>Sets an existing <c>MaxRetries = n</c> to 0, or adds <c>p.MaxRetries = 0</c> to the lambda's body.</summary>
    private static LambdaExpressionSyntax TurnOff(LambdaExpressionSyntax lambda, string parameter)
    {
        var existing = lambda.Body.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a =>
            a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: RetriesOnRetriesAnalyzer.MaxRetries });
        var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        if (existing is not null)
            return lambda.ReplaceNode(existing.Right, zero.WithTriviaFrom(existing.Right));

        var turnOff = SyntaxFactory.ParseStatement($"{parameter}.{RetriesOnRetriesAnalyzer.MaxRetries} = 0;");
        BlockSyntax body = lambda.Body switch
        {
            BlockSyntax block => block.AddStatements(turnOff),
            ExpressionSyntax expression => SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()), turnOff),
            _ => SyntaxFactory.Block(turnOff),
        };
        return lambda.WithExpressionBody(null).WithBlock(body.WithAdditionalAnnotations(Formatter.Annotation));
    }
}
