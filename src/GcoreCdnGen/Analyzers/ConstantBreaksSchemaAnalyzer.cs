using System.Collections.Generic;
using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN003: a constant that breaks the spec's schema: string length (maxLength/minLength), pattern, enum values
/// (including the proxy_next_upstream cases Gcore documents only in prose), numbers outside minimum/maximum —
/// on request properties and on client method parameters (<c>limit</c>, <c>offset</c>). The rules themselves are
/// <see cref="GcoreRules"/>, which generated <c>Validate()</c> runs at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantBreaksSchemaAnalyzer : GeneratedCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConstantBreaksSchema);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(c => Argument(c, markers), OperationKind.Argument);
        start.RegisterOperationAction(c => EnumValue(c, markers), OperationKind.Conversion, OperationKind.ObjectCreation);
    }

    private static void Assignment(OperationAnalysisContext context, Markers markers)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target || markers.Property(target.Property) is not { InRequest: true } marker ||
            Values.InResponseOnly(markers, assignment))
        {
            return;
        }

        string name = target.Property.Name;
        if (Check(assignment.Value, marker.MaxLength, marker.MinLength, marker.Pattern, marker.Minimum, marker.Maximum) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConstantBreaksSchema, assignment.Value.Syntax.GetLocation(), name, Shown(marker, assignment.Value), problem));
        }

        if (marker.JsonName == GcoreRules.CasesJson && Values.Elements(assignment.Value) is { } elements)
        {
            foreach (var element in elements)
            {
                // Elements of a generated enum type are checked against the spec's own values (EnumValue below).
                if (Values.Unwrap(element) is not { Type.SpecialType: SpecialType.System_String } item || Values.ConstantString(item) is not { } value)
                    continue;
                if (GcoreRules.CaseProblem(value) is { } notACase)
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConstantBreaksSchema, element.Syntax.GetLocation(), name, GcoreRules.Display(value), notACase));
            }
        }
    }

    private static void Argument(OperationAnalysisContext context, Markers markers)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit || markers.Parameter(argument.Parameter) is not { } marker)
            return;
        if (Check(argument.Value, marker.MaxLength, marker.MinLength, marker.Pattern, marker.Minimum, marker.Maximum) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConstantBreaksSchema, argument.Value.Syntax.GetLocation(), argument.Parameter!.Name,
                GcoreRules.Display(Values.Unwrap(argument.Value).ConstantValue.Value), problem));
        }
    }

    /// <summary>A string constant converted to a generated enum, or passed to its constructor, that the spec does not list.</summary>
    private static void EnumValue(OperationAnalysisContext context, Markers markers)
    {
        IOperation? operand = context.Operation switch
        {
            IConversionOperation { OperatorMethod: not null } conversion => conversion.Operand,
            IObjectCreationOperation { Arguments.Length: 1 } creation => creation.Arguments[0].Value,
            _ => null,
        };
        if (operand is null || Values.ConstantString(operand) is not { } value)
            return;
        var known = markers.EnumValues(context.Operation.Type);
        if (known is null || Contains(known, value) || Values.InResponseOnly(markers, context.Operation))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConstantBreaksSchema, operand.Syntax.GetLocation(), Owner(context.Operation), GcoreRules.Display(value),
            GcoreRules.EnumProblem(string.Join(", ", known))));
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
        {
            if (v == value)
                return true;
        }

        return false;
    }

    /// <summary>The name a message gives a value: the property or parameter it goes to, else its type.</summary>
    private static string Owner(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }:
                    return target.Property.Name;
                case IArgumentOperation { Parameter: { } parameter }:
                    return parameter.Name;
                case IConversionOperation { OperatorMethod: null }:
                case ICollectionExpressionOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                    continue;
            }

            break;
        }

        return operation.Type?.Name ?? "value";
    }

    private static string Shown(PropertyMarker marker, IOperation value) =>
        marker.Secret && Values.ConstantString(value) is { } secret
            ? GcoreRules.Redacted("constant", secret)
            : GcoreRules.Display(Values.Unwrap(value).ConstantValue.Value);

    /// <summary>What is wrong with a constant value, or null when nothing is (or it is not a constant): <see cref="GcoreRules"/> decides.</summary>
    internal static string? Check(IOperation value, int maxLength, int minLength, string? pattern, string? minimum, string? maximum)
    {
        if (Values.ConstantString(value) is { } text)
            return GcoreRules.TextProblem(text, maxLength, minLength, pattern);
        return Values.TryConstantNumber(value, out double number) ? GcoreRules.NumberProblem(number, minimum, maximum) : null;
    }
}
