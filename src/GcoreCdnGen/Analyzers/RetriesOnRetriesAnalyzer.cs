using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN007: a resilience handler (Microsoft.Extensions.Http.Resilience, Polly) added to the builder that the generated
/// <c>Add&lt;ClientName&gt;</c> returns, while the client's own retries are on. Each of the client's attempts is then
/// retried by the handler too: three client attempts under a handler's four make twelve, with both sets of waits.
/// The registration is found through the builder chain (<c>.AddHttpMessageHandler(...)</c> and the like in between)
/// or a local the builder was put in; its <c>configure</c> lambda turns the retries off with <c>MaxRetries = 0</c>.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class RetriesOnRetriesAnalyzer : GeneratedCodeAnalyzer
{
    /// <summary>The option that turns the client's retries off, and the argument of the registration that sets it.</summary>
    public const string MaxRetries = "MaxRetries";
    public const string Configure = "configure";

    /// <summary>Extension methods on IHttpClientBuilder that add a handler which retries.</summary>
    public static readonly ImmutableHashSet<string> RetryingHandlers = ImmutableHashSet.Create(
        "AddStandardResilienceHandler", "AddStandardHedgingHandler", "AddResilienceHandler",
        "AddPolicyHandler", "AddTransientHttpErrorPolicy", "AddPolicyHandlerFromRegistry");

    private const string BuilderType = "IHttpClientBuilder";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RetriesOnRetries);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Invocation(c, markers), OperationKind.Invocation);
    }

    private static void Invocation(OperationAnalysisContext context, Markers markers)
    {
        var handler = (IInvocationOperation)context.Operation;
        if (!RetryingHandlers.Contains(handler.TargetMethod.Name) || Builder(handler) is not { } builder)
            return;
        if (Registration(builder, markers, context.CancellationToken) is not { } registration || !RetriesStayOn(registration))
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RetriesOnRetries, Values.NameLocation(handler.Syntax), new[] { registration.Syntax.GetLocation() },
            handler.TargetMethod.Name, registration.TargetMethod.Name));
    }

    /// <summary>The builder an extension method on IHttpClientBuilder is called on.</summary>
    private static IOperation? Builder(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!method.IsExtensionMethod || invocation.Arguments.Length == 0 || method.Parameters[0].Type.Name != BuilderType)
            return null;
        return Unwrap(invocation.Arguments[0].Value);
    }

    /// <summary>The generated registration call that made <paramref name="builder"/>, through builder calls and one local.</summary>
    private static IInvocationOperation? Registration(IOperation? builder, Markers markers, System.Threading.CancellationToken cancellationToken)
    {
        for (int depth = 0; builder is not null && depth < 32; depth++)
        {
            switch (builder)
            {
                case IInvocationOperation call when markers.IsClientRegistration(call.TargetMethod):
                    return call;
                case IInvocationOperation call:
                    builder = Builder(call);
                    break;
                case ILocalReferenceOperation local:
                    builder = Initializer(local, cancellationToken);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value a local is declared with, when that is the only place it is given one we can see.</summary>
    private static IOperation? Initializer(ILocalReferenceOperation local, System.Threading.CancellationToken cancellationToken)
    {
        var references = local.Local.DeclaringSyntaxReferences;
        if (references.Length != 1 ||
            references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } ||
            local.SemanticModel is not { } model || model.SyntaxTree != value.SyntaxTree)
        {
            return null;
        }

        return Unwrap(model.GetOperation(value, cancellationToken));
    }

    /// <summary>
    /// False when the registration's <c>configure</c> sets MaxRetries to 0, or sets it to something that is not a
    /// constant, or is not a lambda we can read (a method group, a variable): then the user has decided.
    /// </summary>
    private static bool RetriesStayOn(IInvocationOperation registration)
    {
        IArgumentOperation? configure = null;
        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter?.Name == Configure)
                configure = argument;
        }

        if (configure is null || configure.ArgumentKind == ArgumentKind.DefaultValue || Values.IsConstantNull(configure.Value))
            return true;
        if (Unwrap(configure.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            return false;
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: MaxRetries } } assignment)
                return assignment.Value.ConstantValue is { HasValue: true, Value: int retries } && retries != 0;
        }

        return true;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
            operation = conversion.Operand;
        return operation;
    }
}
