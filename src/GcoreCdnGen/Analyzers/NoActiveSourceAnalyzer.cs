using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN006: a <c>sources</c> collection written out in full in which every source is a backup, or no source is
/// enabled. Gcore rejects both (its error schemas; the property schemas give no defaults: unset backup is false,
/// unset enabled is true, as Gcore's providers treat them). The verdict is <see cref="GcoreRules.ActiveSourceProblem"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoActiveSourceAnalyzer : GeneratedCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoActiveSource);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
    }

    private static void Assignment(OperationAnalysisContext context, Markers markers)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Values.Elements(assignment.Value) is not { Length: > 0 } elements || RequestPropertyAssigned(markers, assignment, GcoreRules.SourcesJson) is not { } marker)
            return;

        bool allBackups = true;
        bool noneEnabled = true;
        foreach (var element in elements)
        {
            if (Values.Unwrap(element) is not IObjectCreationOperation creation || markers.Type(creation.Type) is not { } type ||
                !type.Has(GcoreRules.BackupJson) || !type.Has(GcoreRules.EnabledJson))
            {
                return; // not every source is known: nothing to say
            }

            var members = Values.Members(markers, creation);
            bool? backup = members.TryGetValue(GcoreRules.BackupJson, out var b) && !Values.IsConstantNull(b.Value) ? Values.ConstantBool(b.Value) : false;
            bool? enabled = members.TryGetValue(GcoreRules.EnabledJson, out var e) && !Values.IsConstantNull(e.Value) ? Values.ConstantBool(e.Value) : true;
            if (backup is null || enabled is null)
                return; // a value that is not a constant
            allBackups &= backup.Value;
            noneEnabled &= !enabled.Value;
        }

        if (GcoreRules.ActiveSourceProblem(elements.Length, allBackups, noneEnabled) is { } problem)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoActiveSource, Values.NameLocation(assignment.Syntax), marker.Property.Name, problem));
    }
}
