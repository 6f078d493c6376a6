using System;

namespace GcoreCdnGen.Model
{
    // The whole model is plain data: strings, enums, records and EquatableArrays. Nothing from Roslyn or
    // Microsoft.OpenApi, so every pipeline step compares by value and Roslyn can cache it.

    /// <summary>What one OpenApiSpec item asks for, read from its MSBuild metadata.</summary>
    public sealed record SpecOptions(
        string Path,
        string Namespace,
        string ClientName,
        EquatableArray<string> Tags,
        EquatableArray<string> PathPrefixes);

    /// <summary>Everything generated for one spec: its types, its operations and what went wrong reading it.</summary>
    public sealed record ApiModel(
        SpecOptions Options,
        string Title,
        string DefaultBaseUrl,
        EquatableArray<TypeDef> Types,
        EquatableArray<OperationDef> Operations);

    public enum TypeKind
    {
        /// <summary>A plain record.</summary>
        Object,
        /// <summary>An abstract record whose variants are distinct kinds told apart by their shape.</summary>
        Union,
        /// <summary>A string-backed value type with the spec's values as static members.</summary>
        Enum,
        /// <summary>A list that the server sends either as a bare array or as a paginated envelope.</summary>
        ListEnvelope,
    }

    /// <summary>A generated type. Which members matter depends on <see cref="Kind"/>.</summary>
    public sealed record TypeDef(
        TypeKind Kind,
        string Name,
        string? Summary,
        string? Deprecated,
        string Pointer,
        EquatableArray<PropertyDef> Properties,
        string? BaseType,
        EquatableArray<string> Variants,
        EquatableArray<EnumValueDef> Values,
        TypeRef? ItemType,
        bool ClosedShape,
        bool UsedInRequest,
        bool UsedInResponse);

    public sealed record EnumValueDef(string Value, string MemberName, string? Summary);

    /// <summary>How a property is constrained by the spec, kept for the analyzers (emitted as a marker attribute).</summary>
    public sealed record Constraints(
        int? MinLength,
        int? MaxLength,
        string? Pattern,
        string? Minimum,
        string? Maximum,
        EquatableArray<string> AllowedValues);

    public sealed record PropertyDef(
        string JsonName,
        string Name,
        TypeRef Type,
        bool Required,
        bool Nullable,
        bool DefaultEmpty,
        string? Summary,
        string? DefaultJson,
        string? Deprecated,
        bool Secret,
        bool Inherited,
        Constraints? Constraints);

    public enum TypeRefKind
    {
        String,
        Boolean,
        Int32,
        Int64,
        Double,
        Decimal,
        DateTimeOffset,
        Guid,
        /// <summary>Anything the generator does not map to a type: kept as raw JSON.</summary>
        Json,
        Named,
        Array,
        Map,
    }

    /// <summary>A type as the emitters need it. Named types carry their name and kind; arrays and maps their element.</summary>
    public sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeKind NamedKind = TypeKind.Object, TypeRef? Element = null)
    {
        public static readonly TypeRef String = new(TypeRefKind.String);
        public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
        public static readonly TypeRef Int32 = new(TypeRefKind.Int32);
        public static readonly TypeRef Int64 = new(TypeRefKind.Int64);
        public static readonly TypeRef Double = new(TypeRefKind.Double);
        public static readonly TypeRef Json = new(TypeRefKind.Json);

        public static TypeRef ArrayOf(TypeRef element) => new(TypeRefKind.Array, Element: element);

        public static TypeRef MapOf(TypeRef element) => new(TypeRefKind.Map, Element: element);

        public static TypeRef NamedType(string name, TypeKind kind) => new(TypeRefKind.Named, name, kind);

        /// <summary>Value types in C#: need a <c>?</c> to be nullable.</summary>
        public bool IsValueType => Kind is TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
            or TypeRefKind.Decimal or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Json
            || (Kind == TypeRefKind.Named && NamedKind == TypeKind.Enum);
    }

    public enum ParameterLocation
    {
        Path,
        Query,
        Header,
    }

    public sealed record ParameterDef(
        string Name,
        string CsName,
        ParameterLocation In,
        TypeRef Type,
        bool Required,
        string? Summary,
        string? Deprecated,
        Constraints? Constraints);

    public sealed record OperationDef(
        string OperationId,
        string HttpMethod,
        string PathTemplate,
        EquatableArray<string> ResourcePath,
        string MethodName,
        string? Summary,
        string? Description,
        string? Deprecated,
        EquatableArray<ParameterDef> Parameters,
        TypeRef? RequestBody,
        bool RequestBodyRequired,
        TypeRef? Response,
        int SuccessStatus);

    public enum SpecDiagnosticKind
    {
        UnreadableDocument,
        ReaderError,
        DanglingReference,
        UnsupportedConstruct,
        DuplicateName,
        NoOperations,
        InvalidOption,
    }

    /// <summary>A problem in the spec, located by line and column in the spec file (equatable, unlike Location).</summary>
    public sealed record SpecDiagnostic(
        SpecDiagnosticKind Kind,
        string FilePath,
        int Line,
        int Column,
        string Message);

    /// <summary>The result of reading one spec: a model (absent when nothing could be read) and the problems found.</summary>
    public sealed record ReadResult(ApiModel? Model, EquatableArray<SpecDiagnostic> Diagnostics);
}
