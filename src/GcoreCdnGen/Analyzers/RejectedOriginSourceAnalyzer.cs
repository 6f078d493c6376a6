using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN004: a host origin <c>source</c> constant that Gcore rejects: with a scheme (<c>https://</c>), with a path,
/// or with a port outside 1..65535. Gcore states these rules in its error schemas, not in the property's schema;
/// <see cref="GcoreRules.SourceProblems"/> holds them for this analyzer and for generated <c>Validate()</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RejectedOriginSourceAnalyzer : GeneratedCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RejectedOriginSource);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
    }

    private static void Assignment(OperationAnalysisContext context, Markers markers)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Values.ConstantString(assignment.Value) is not { } source || RequestPropertyAssigned(markers, assignment, GcoreRules.SourceJson) is not { } marker)
            return;

        var problems = GcoreRules.SourceProblems(source);
        if (problems.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedOriginSource, assignment.Value.Syntax.GetLocation(),
                marker.Property.Name, GcoreRules.Display(source), string.Join("; ", problems)));
        }
    }
}
