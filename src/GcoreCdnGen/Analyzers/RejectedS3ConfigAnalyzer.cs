using System.Collections.Generic;
using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN005: Gcore's S3 rules, stated in prose: <c>s3_type</c> amazon needs <c>s3_region</c>, <c>other</c> needs
/// <c>s3_storage_hostname</c>, and the access keys have lengths Gcore checks. Applies to the inline S3 config and
/// to the legacy <c>auth</c> object (which has its own key lengths).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RejectedS3ConfigAnalyzer : GeneratedCodeAnalyzer
{
    public const string TypeJson = "s3_type";
    public const string RegionJson = "s3_region";
    public const string HostnameJson = "s3_storage_hostname";
    public const string AccessKeyJson = "s3_access_key_id";
    public const string SecretKeyJson = "s3_secret_access_key";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RejectedS3Config);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Creation(c, markers), OperationKind.ObjectCreation, OperationKind.With);
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
    }

    private static void Creation(OperationAnalysisContext context, Markers markers)
    {
        var type = markers.Type(context.Operation.Type);
        if (type is not { Request: true } || !type.Has(TypeJson) || Values.InResponseOnly(markers, context.Operation))
            return;
        bool isWith = context.Operation is IWithOperation;
        var members = Values.Members(markers, context.Operation);
        string? s3Type = members.TryGetValue(TypeJson, out var typeMember) ? Values.EnumOrString(markers, typeMember.Value) : null;
        if (s3Type is not null)
        {
            string? needed = s3Type == "amazon" ? RegionJson : s3Type == "other" ? HostnameJson : null;
            if (needed is not null && type.Property(needed) is { } neededProperty)
            {
                string? missing = null;
                if (members.TryGetValue(needed, out var given))
                {
                    if (Values.IsConstantNull(given.Value))
                        missing = "null";
                    else if (Values.ConstantString(given.Value) is { } text && text.Trim().Length == 0)
                        missing = "empty";
                }
                else if (!isWith)
                {
                    missing = "not set";
                }

                if (missing is not null)
                {
                    string what = needed == RegionJson ? "the region for Amazon S3" : "the storage hostname for S3-compatible storage other than Amazon";
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedS3Config, typeMember.Site.Syntax.GetLocation(),
                        "'" + typeMember.Marker.Property.Name + "' is " + Values.Display(s3Type) + " but '" + neededProperty.Name + "' is " + missing +
                        "; Gcore requires " + what));
                }
            }
        }

        bool legacy = Markers.ObsoleteMessage(type.Type) is not null;
        foreach (var key in new[] { AccessKeyJson, SecretKeyJson })
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
        if (RequestPropertyAssigned(markers, assignment, AccessKeyJson, SecretKeyJson) is not { } marker)
            return;

        CheckKey(context, marker, assignment.Value, marker.Owner is { } owner && Markers.ObsoleteMessage(owner.Type) is not null, null);
    }

    /// <summary>Key lengths Gcore accepts. Bounds the schema states itself are left to GCDN003.</summary>
    private static void CheckKey(OperationAnalysisContext context, PropertyMarker marker, IOperation value, bool legacy, string? s3Type)
    {
        if (Values.ConstantString(value) is not { } key)
            return;
        int min, max;
        if (marker.JsonName == AccessKeyJson)
        {
            (min, max) = legacy ? (3, 512) : (4, 255);
        }
        else if (legacy)
        {
            // Legacy auth: exactly 40 characters for Amazon, 16..255 for other storage.
            (min, max) = s3Type == "amazon" ? (40, 40) : (16, 255);
        }
        else
        {
            (min, max) = (16, 255);
        }

        int length = Values.CodePoints(key);
        bool tooShort = length < min && !(marker.MinLength >= 0 && length < marker.MinLength);
        bool tooLong = length > max && !(marker.MaxLength >= 0 && length > marker.MaxLength);
        if (!tooShort && !tooLong)
            return;
        string accepted = min == max ? "exactly " + min + " characters" : min + " to " + max + " characters";
        if (legacy && marker.JsonName == SecretKeyJson && s3Type == "amazon")
            accepted += " for Amazon S3";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedS3Config, value.Syntax.GetLocation(),
            "'" + marker.Property.Name + "' is a constant of " + length + " characters; Gcore accepts " + accepted));
    }
}
