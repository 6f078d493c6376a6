using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>One value set on a generated object: by an initializer, a <c>with</c> expression or a constructor argument.</summary>
internal readonly struct MemberValue
{
    public MemberValue(PropertyMarker marker, IOperation value, IOperation site)
    {
        Marker = marker;
        Value = value;
        Site = site;
    }

    public PropertyMarker Marker { get; }

    /// <summary>The value assigned.</summary>
    public IOperation Value { get; }

    /// <summary>The assignment or argument that sets it: where diagnostics about it go.</summary>
    public IOperation Site { get; }
}

/// <summary>How the analyzers read constants, collections and objects out of operations.</summary>
internal static class Values
{
    /// <summary>Strips conversions that do not change the value (reference, nullable, boxing, collection target typing).</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
            operation = conversion.Operand;
        return operation;
    }

    public static bool IsConstantNull(IOperation operation)
    {
        var value = Unwrap(operation);
        return value.ConstantValue is { HasValue: true, Value: null } || value is IDefaultValueOperation { Type.IsReferenceType: true };
    }

    public static bool? ConstantBool(IOperation operation) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: bool b } ? b : null;

    public static string? ConstantString(IOperation operation) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: string s } ? s : null;

    public static bool TryConstantNumber(IOperation operation, out double number)
    {
        number = 0;
        var constant = Unwrap(operation).ConstantValue;
        if (!constant.HasValue || constant.Value is null or string or bool or char)
            return false;
        try
        {
            number = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The JSON value of a constant of a generated string-backed enum (<c>S3Type.Amazon</c>,
    /// <c>"amazon"</c> converted implicitly, <c>new S3Type("amazon")</c>) or of a plain string constant.
    /// </summary>
    public static string? EnumOrString(Markers markers, IOperation operation)
    {
        var value = Unwrap(operation);
        switch (value)
        {
            case IPropertyReferenceOperation { Property.IsStatic: true } member:
                return markers.EnumValue(member.Property);
            case IConversionOperation { OperatorMethod: not null } conversion when markers.EnumValues(conversion.Type) is not null:
                return ConstantString(conversion.Operand);
            case IObjectCreationOperation { Arguments.Length: 1 } creation when markers.EnumValues(creation.Type) is not null:
                return ConstantString(creation.Arguments[0].Value);
            default:
                return ConstantString(value);
        }
    }

    /// <summary>
    /// The elements of a collection written out in full: a collection expression without spreads, an array or
    /// collection initializer, an empty array or list. Null when the collection is not known element by element.
    /// </summary>
    public static ImmutableArray<IOperation>? Elements(IOperation operation)
    {
        var value = Unwrap(operation);
        switch (value)
        {
            case ICollectionExpressionOperation collection:
                foreach (var element in collection.Elements)
                {
                    if (element is ISpreadOperation)
                        return null;
                }

                return collection.Elements;
            case IArrayCreationOperation array:
                if (array.Initializer is { } initializer)
                    return initializer.ElementValues;
                return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }
                    ? ImmutableArray<IOperation>.Empty
                    : null;
            case IObjectCreationOperation creation when creation.Arguments.Length == 0:
                if (creation.Initializer is null)
                    return IsCollection(creation.Type) ? ImmutableArray<IOperation>.Empty : null;
                var items = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var item in creation.Initializer.Initializers)
                {
                    if (item is IInvocationOperation { Arguments.Length: 1 } add)
                        items.Add(add.Arguments[0].Value);
                    else
                        return null;
                }

                return items.ToImmutable();
            case IInvocationOperation { Arguments.Length: 0, TargetMethod: { Name: "Empty", ContainingType: { Name: "Array" } owner } }
                when owner.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace.IsGlobalNamespace:
                return ImmutableArray<IOperation>.Empty;
            default:
                return null;
        }
    }

    private static bool IsCollection(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T);

    private static bool Any(this ImmutableArray<INamedTypeSymbol> items, Func<INamedTypeSymbol, bool> predicate)
    {
        foreach (var item in items)
        {
            if (predicate(item))
                return true;
        }

        return false;
    }

    /// <summary>The values an object creation or <c>with</c> expression sets, by JSON name (constructor arguments by parameter name).</summary>
    public static Dictionary<string, MemberValue> Members(Markers markers, IOperation creation)
    {
        var result = new Dictionary<string, MemberValue>(StringComparer.Ordinal);
        IObjectOrCollectionInitializerOperation? initializer = null;
        switch (creation)
        {
            case IObjectCreationOperation objectCreation:
                initializer = objectCreation.Initializer;
                var type = markers.Type(objectCreation.Type);
                if (type is not null)
                {
                    foreach (var argument in objectCreation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                            continue;
                        var property = FindByName(type.Type, argument.Parameter.Name);
                        if (property is not null && markers.Property(property) is { } marker)
                            result[marker.JsonName] = new MemberValue(marker, argument.Value, argument);
                    }
                }

                break;
            case IWithOperation with:
                initializer = with.Initializer;
                break;
        }

        if (initializer is null)
            return result;
        foreach (var item in initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment &&
                target.Instance is IInstanceReferenceOperation &&
                markers.Property(target.Property) is { } marker)
            {
                result[marker.JsonName] = new MemberValue(marker, assignment.Value, assignment);
            }
        }

        return result;
    }

    private static IPropertySymbol? FindByName(INamedTypeSymbol type, string parameterName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property && string.Equals(property.Name, parameterName, StringComparison.OrdinalIgnoreCase))
                    return property;
            }
        }

        return null;
    }

    /// <summary>
    /// False when the value is built inside a response object (<c>new OriginGroupS3Source { Config = new S3Config { … } }</c>):
    /// types shared by requests and responses are only checked where they go to the server.
    /// </summary>
    public static bool InResponseOnly(Markers markers, IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } target } &&
                markers.Property(target.Property) is { Owner: { } owner })
            {
                if (!owner.Request)
                    return true;
            }
            else if (parent is IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Where a diagnostic about a use of a member goes: the member's name, as the compiler places CS0618.</summary>
    public static Location NameLocation(SyntaxNode syntax)
    {
        return syntax switch
        {
            MemberAccessExpressionSyntax access => access.Name.GetLocation(),
            MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
            InvocationExpressionSyntax invocation => NameLocation(invocation.Expression),
            AssignmentExpressionSyntax assignment => NameLocation(assignment.Left),
            _ => syntax.GetLocation(),
        };
    }

    /// <summary>Reads a JSON array of strings (a spec default such as <c>["error","timeout"]</c>); null when it is not one.</summary>
    public static List<string>? ParseStringArray(string? json)
    {
        if (json is null)
            return null;
        var result = new List<string>();
        int i = 0;
        SkipSpace(json, ref i);
        if (i >= json.Length || json[i] != '[')
            return null;
        i++;
        SkipSpace(json, ref i);
        if (i < json.Length && json[i] == ']')
            return result;
        while (i < json.Length)
        {
            SkipSpace(json, ref i);
            if (i >= json.Length || json[i] != '"')
                return null;
            i++;
            var sb = new System.Text.StringBuilder();
            while (i < json.Length && json[i] != '"')
            {
                if (json[i] == '\\' && i + 1 < json.Length)
                {
                    i++;
                    char c = json[i];
                    if (c == 'u' && i + 4 < json.Length &&
                        int.TryParse(json.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        sb.Append((char)code);
                        i += 4;
                    }
                    else
                    {
                        sb.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => c });
                    }
                }
                else
                {
                    sb.Append(json[i]);
                }

                i++;
            }

            if (i >= json.Length)
                return null;
            i++;
            result.Add(sb.ToString());
            SkipSpace(json, ref i);
            if (i < json.Length && json[i] == ',')
            {
                i++;
                continue;
            }

            if (i < json.Length && json[i] == ']')
                return result;
            return null;
        }

        return null;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
    }
}
