using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;

namespace GcoreCdnGen.Analyzers;

/// <summary>What a <c>[GcoreProperty]</c> marker says about a generated property.</summary>
internal sealed class PropertyMarker
{
    public PropertyMarker(IPropertySymbol property, string jsonName, TypeMarker? owner)
    {
        Property = property;
        JsonName = jsonName;
        Owner = owner;
    }

    public IPropertySymbol Property { get; }

    public string JsonName { get; }

    /// <summary>The marker of the type that declares the property.</summary>
    public TypeMarker? Owner { get; }

    public int MaxLength { get; set; } = -1;

    public int MinLength { get; set; } = -1;

    public string? Pattern { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public string? DefaultJson { get; set; }

    public bool Secret { get; set; }

    /// <summary>A required member's deprecation text, which cannot be an <c>[Obsolete]</c> (CS9042).</summary>
    public string? Deprecated { get; set; }

    /// <summary>Values set on the declaring type are sent to the server.</summary>
    public bool InRequest => Owner is null || Owner.Request;
}

/// <summary>What a <c>[GcoreSchema]</c> marker says about a generated type, plus its marked properties by JSON name.</summary>
internal sealed class TypeMarker
{
    private readonly Dictionary<string, IPropertySymbol> _byJsonName = new(StringComparer.Ordinal);

    public TypeMarker(INamedTypeSymbol type, string pointer, bool request)
    {
        Type = type;
        Pointer = pointer;
        Request = request;
    }

    public INamedTypeSymbol Type { get; }

    public string Pointer { get; }

    public bool Request { get; }

    /// <summary>The generated property for a JSON name, declared here or on a base type.</summary>
    public IPropertySymbol? Property(string jsonName) => _byJsonName.TryGetValue(jsonName, out var property) ? property : null;

    public bool Has(string jsonName) => _byJsonName.ContainsKey(jsonName);

    internal void Add(string jsonName, IPropertySymbol property)
    {
        if (!_byJsonName.ContainsKey(jsonName))
            _byJsonName.Add(jsonName, property);
    }
}

/// <summary>What a <c>[GcoreParameter]</c> marker says about a client method parameter.</summary>
internal sealed class ParameterMarker
{
    public ParameterMarker(string name) => Name = name;

    public string Name { get; }

    public int MaxLength { get; set; } = -1;

    public int MinLength { get; set; } = -1;

    public string? Pattern { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public string? Deprecated { get; set; }
}

/// <summary>
/// Finds the generated types and members by the marker attributes the generator emits. The attributes are
/// re-declared in every spec's namespace, so they are matched by simple name and by sitting in the same namespace
/// as what they mark. One instance per compilation; every answer is cached.
/// </summary>
internal sealed class Markers
{
    public const string SchemaAttribute = nameof(GcoreSchemaAttribute);
    public const string PropertyAttribute = nameof(GcorePropertyAttribute);
    public const string EnumValueAttribute = nameof(GcoreEnumValueAttribute);
    public const string OperationAttribute = nameof(GcoreOperationAttribute);
    public const string ParameterAttribute = nameof(GcoreParameterAttribute);
    public const string ClientRegistrationAttribute = nameof(GcoreClientRegistrationAttribute);

    private static readonly object None = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Markers> PerCompilation = new();
    private readonly ConcurrentDictionary<ISymbol, object> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, object> _enumValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _registrations = new(SymbolEqualityComparer.Default);

    /// <summary>The markers of a compilation, shared by all the analyzers (each symbol is read once).</summary>
    public static Markers For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new Markers());

    private int _generatedCode; // 0: not looked yet, 1: none, 2: some

    /// <summary>False when no generated code is in sight: the analyzers then register nothing. Looked up once per compilation.</summary>
    public bool HasGeneratedCode(Compilation compilation)
    {
        int known = System.Threading.Volatile.Read(ref _generatedCode);
        if (known == 0)
        {
            known = AnyIn(compilation) ? 2 : 1;
            System.Threading.Volatile.Write(ref _generatedCode, known);
        }

        return known == 2;
    }

    private static bool AnyIn(Compilation compilation)
    {
        if (compilation.ContainsSymbolsWithName(SchemaAttribute, SymbolFilter.Type))
            return true;
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && assembly.TypeNames.Contains(SchemaAttribute))
                return true;
        }

        return false;
    }

    public TypeMarker? Type(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
            return null;
        named = named.OriginalDefinition;
        var found = _cache.GetOrAdd(named, static s => (object?)CreateType((INamedTypeSymbol)s) ?? None);
        return found as TypeMarker;
    }

    public PropertyMarker? Property(IPropertySymbol? property)
    {
        if (property is null || property.IsStatic || property.ContainingType is null)
            return null;
        property = property.OriginalDefinition;
        var found = _cache.GetOrAdd(property, s => (object?)CreateProperty((IPropertySymbol)s) ?? None);
        return found as PropertyMarker;
    }

    /// <summary>The JSON value a static member of a generated string-backed enum stands for.</summary>
    public string? EnumValue(IPropertySymbol? member)
    {
        if (member is null || !member.IsStatic)
            return null;
        var found = _enumValues.GetOrAdd(member.OriginalDefinition, static s =>
        {
            var attribute = Find(s, EnumValueAttribute, s.ContainingType);
            return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string value ? value : None;
        });
        return found as string;
    }

    /// <summary>The values a generated string-backed enum lists, or null when the type is not one.</summary>
    public IReadOnlyList<string>? EnumValues(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named || Type(named) is null)
            return null;
        var values = new List<string>();
        foreach (var member in named.GetMembers().OfType<IPropertySymbol>())
        {
            if (member.IsStatic && EnumValue(member) is { } value)
                values.Add(value);
        }

        return values.Count == 0 ? null : values;
    }

    public string? OperationId(IMethodSymbol? method)
    {
        if (method is null)
            return null;
        method = method.ReducedFrom ?? method;
        var found = _cache.GetOrAdd(method.OriginalDefinition, static s =>
        {
            var attribute = Find(s, OperationAttribute, s.ContainingType);
            return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string id ? id : None;
        });
        return found as string;
    }

    /// <summary>True for the generated <c>Add&lt;ClientName&gt;</c> dependency-injection registration, called either way.</summary>
    public bool IsClientRegistration(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return _registrations.GetOrAdd(method, static s => Find(s, ClientRegistrationAttribute, s.ContainingType) is not null);
    }

    public ParameterMarker? Parameter(IParameterSymbol? parameter)
    {
        if (parameter is null || parameter.ContainingSymbol is not IMethodSymbol method)
            return null;
        var found = _cache.GetOrAdd(parameter.OriginalDefinition, s => (object?)CreateParameter((IParameterSymbol)s, method.ContainingType) ?? None);
        return found as ParameterMarker;
    }

    /// <summary>The text of <c>[Obsolete("...")]</c> on a generated symbol, or null when it is not both generated and deprecated.</summary>
    public string? Deprecation(ISymbol? symbol)
    {
        if (symbol is null)
            return null;
        string? message = ObsoleteMessage(symbol) ??
            (symbol is IPropertySymbol { IsStatic: false } marked && Property(marked)?.Deprecated is { } text ? Contract.Deprecation.Reason(text) : null);
        if (message is null)
            return null;
        bool generated = symbol switch
        {
            INamedTypeSymbol type => Type(type) is not null,
            IPropertySymbol { IsStatic: true } member => EnumValue(member) is not null,
            IPropertySymbol property => Property(property) is not null,
            IMethodSymbol method => OperationId(method) is not null,
            _ => false,
        };
        return generated ? message : null;
    }

    /// <summary>What GCDN002 calls a deprecated generated symbol: "property auth_type", "schema …", "operation …".</summary>
    public string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => "schema " + (Type(type)?.Pointer ?? type.Name),
        IPropertySymbol { IsStatic: true } member => "enum value " + (EnumValue(member) ?? member.Name),
        IPropertySymbol property => "property " + (Property(property)?.JsonName ?? property.Name),
        IMethodSymbol method => "operation " + (OperationId(method) ?? method.Name),
        _ => symbol.Name,
    };

    public static string? ObsoleteMessage(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute" } c && c.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace.IsGlobalNamespace)
            {
                string text = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string m ? m : "";
                return Contract.Deprecation.Reason(text);
            }
        }

        return null;
    }

    /// <summary>True when code at this point is itself deprecated: the compiler reports no obsolete uses there, and neither do we.</summary>
    public static bool InDeprecatedContext(ISymbol? symbol)
    {
        for (var s = symbol; s is not null && s is not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (ObsoleteMessage(s) is not null)
                return true;
            if (s is IMethodSymbol { AssociatedSymbol: { } associated } && ObsoleteMessage(associated) is not null)
                return true;
        }

        return false;
    }

    private static AttributeData? Find(ISymbol symbol, string attributeName, INamedTypeSymbol? owner)
    {
        var ns = owner?.ContainingNamespace ?? symbol.ContainingNamespace;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } c && c.Name == attributeName && SymbolEqualityComparer.Default.Equals(c.ContainingNamespace, ns))
                return attribute;
        }

        return null;
    }

    private static T? Named<T>(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is T value)
                return value;
        }

        return default;
    }

    private static TypeMarker? CreateType(INamedTypeSymbol type)
    {
        var attribute = Find(type, SchemaAttribute, type);
        if (attribute is not { ConstructorArguments.Length: 1 } || attribute.ConstructorArguments[0].Value is not string pointer)
            return null;
        var marker = new TypeMarker(type, pointer, Named<bool>(attribute, nameof(GcoreSchemaAttribute.Request)));
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && Find(property, PropertyAttribute, t) is { ConstructorArguments.Length: 1 } p &&
                    p.ConstructorArguments[0].Value is string json)
                {
                    marker.Add(json, property);
                }
            }
        }

        return marker;
    }

    private PropertyMarker? CreateProperty(IPropertySymbol property)
    {
        var attribute = Find(property, PropertyAttribute, property.ContainingType);
        if (attribute is not { ConstructorArguments.Length: 1 } || attribute.ConstructorArguments[0].Value is not string json)
            return null;
        return new PropertyMarker(property, json, Type(property.ContainingType))
        {
            MaxLength = Named<int?>(attribute, nameof(GcorePropertyAttribute.MaxLength)) ?? -1,
            MinLength = Named<int?>(attribute, nameof(GcorePropertyAttribute.MinLength)) ?? -1,
            Pattern = Named<string>(attribute, nameof(GcorePropertyAttribute.Pattern)),
            Minimum = Named<string>(attribute, nameof(GcorePropertyAttribute.Minimum)),
            Maximum = Named<string>(attribute, nameof(GcorePropertyAttribute.Maximum)),
            DefaultJson = Named<string>(attribute, nameof(GcorePropertyAttribute.DefaultJson)),
            Secret = Named<bool>(attribute, nameof(GcorePropertyAttribute.Secret)),
            Deprecated = Named<string>(attribute, nameof(GcorePropertyAttribute.Deprecated)),
        };
    }

    private static ParameterMarker? CreateParameter(IParameterSymbol parameter, INamedTypeSymbol? owner)
    {
        var attribute = Find(parameter, ParameterAttribute, owner);
        if (attribute is not { ConstructorArguments.Length: 1 } || attribute.ConstructorArguments[0].Value is not string name)
            return null;
        return new ParameterMarker(name)
        {
            MaxLength = Named<int?>(attribute, nameof(GcoreParameterAttribute.MaxLength)) ?? -1,
            MinLength = Named<int?>(attribute, nameof(GcoreParameterAttribute.MinLength)) ?? -1,
            Pattern = Named<string>(attribute, nameof(GcoreParameterAttribute.Pattern)),
            Minimum = Named<string>(attribute, nameof(GcoreParameterAttribute.Minimum)),
            Maximum = Named<string>(attribute, nameof(GcoreParameterAttribute.Maximum)),
            Deprecated = Named<string>(attribute, nameof(GcoreParameterAttribute.Deprecated)),
        };
    }
}
