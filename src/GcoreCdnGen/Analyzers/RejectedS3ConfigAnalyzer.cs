using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN005: Gcore's S3 rules, stated in prose: <c>s3_type</c> amazon needs <c>s3_region</c>, <c>other</c> needs
/// <c>s3_storage_hostname</c>, and the access keys have lengths Gcore checks. Applies to the inline S3 config and
/// to the legacy <c>auth</c> object (which has its own key lengths). The rules are <see cref="GcoreRules"/>, shared
/// with generated <c>Validate()</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RejectedS3ConfigAnalyzer : GeneratedCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RejectedS3Config);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Creation(c, markers), OperationKind.ObjectCreation, OperationKind.With);
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
    }

    private static void Creation(OperationAnalysisContext context, Markers markers)
    {
        var type = markers.Type(context.Operation.Type);
        if (type is not { Request: true } || !type.Has(GcoreRules.S3TypeJson) || Values.InResponseOnly(markers, context.Operation))
            return;
        bool isWith = context.Operation is IWithOperation;
        var members = Values.Members(markers, context.Operation);
        string? s3Type = members.TryGetValue(GcoreRules.S3TypeJson, out var typeMember) ? Values.EnumOrString(markers, typeMember.Value) : null;
        if (s3Type is not null)
        {
            string? needed = GcoreRules.S3Needs(s3Type);
            if (needed is not null && type.Property(needed) is { } neededProperty)
            {
                // A with expression keeps what it does not set: unknown, not missing.
                string? missing = members.TryGetValue(needed, out var given)
                    ? GcoreRules.MissingText(true, Values.IsConstantNull(given.Value), Values.ConstantString(given.Value))
                    : isWith ? null : GcoreRules.MissingText(false, false, null);
                if (missing is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedS3Config, typeMember.Site.Syntax.GetLocation(),
                        GcoreRules.S3MissingProblem(typeMember.Marker.Property.Name, s3Type, needed, neededProperty.Name, missing)));
                }
            }
        }

        bool legacy = Markers.ObsoleteMessage(type.Type) is not null;
        foreach (var key in new[] { GcoreRules.AccessKeyJson, GcoreRules.SecretKeyJson })
        {
            if (members.TryGetValue(key, out var member))
                CheckKey(context, member.Marker, member.Value, legacy, isWith ? null : s3Type);
        }
    }

    private static void Assignment(OperationAnalysisContext context, Markers markers)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Parent is IObjectOrCollectionInitializerOperation)
            return; // seen with the whole object in Creation
        if (RequestPropertyAssigned(markers, assignment, GcoreRules.AccessKeyJson, GcoreRules.SecretKeyJson) is not { } marker)
            return;

        CheckKey(context, marker, assignment.Value, marker.Owner is { } owner && Markers.ObsoleteMessage(owner.Type) is not null, null);
    }

    /// <summary>Key lengths Gcore accepts (<see cref="GcoreRules.KeyProblem"/>). Bounds the schema states itself are left to GCDN003.</summary>
    private static void CheckKey(OperationAnalysisContext context, PropertyMarker marker, IOperation value, bool legacy, string? s3Type)
    {
        if (Values.ConstantString(value) is { } key &&
            GcoreRules.KeyProblem(marker.JsonName, marker.Property.Name, key, legacy, s3Type, marker.MinLength, marker.MaxLength, "constant") is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedS3Config, value.Syntax.GetLocation(), problem));
        }
    }
}
