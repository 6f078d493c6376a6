using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// What every GCDN analyzer does first: run concurrently, skip generated code, and register nothing at all in a
/// compilation without generated types (so a project that references the package but has no spec pays nothing).
/// </summary>
public abstract class GeneratedCodeAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var markers = Markers.For(start.Compilation);
            if (markers.HasGeneratedCode(start.Compilation))
                Register(start, markers);
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that has generated types.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, Markers markers);

    /// <summary>
    /// The marker of the generated request property with one of <paramref name="jsonNames"/> that
    /// <paramref name="assignment"/> assigns (in an initializer or as <c>x.Prop = value</c>), or null: another
    /// property, not part of a request, or on an object that is only ever a response.
    /// </summary>
    private protected static PropertyMarker? RequestPropertyAssigned(Markers markers, ISimpleAssignmentOperation assignment, params string[] jsonNames)
    {
        if (assignment.Target is not IPropertyReferenceOperation target ||
            markers.Property(target.Property) is not { InRequest: true } marker ||
            System.Array.IndexOf(jsonNames, marker.JsonName) < 0 ||
            Values.InResponseOnly(markers, assignment))
        {
            return null;
        }

        return marker;
    }
}
