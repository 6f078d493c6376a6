using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// A request type's <c>Validate()</c>: one call per member a rule applies to, into the runtime's shared checks
/// (<c>GcoreValidation</c>, which hands the values to <see cref="GcoreRules"/>, the code the analyzers run on constants).
/// Which Gcore rule applies is decided by JSON name, as the analyzers decide it.
/// </summary>
internal static class ValidationEmitter
{
    /// <summary>The type a client sends as a body has a <c>Validate()</c>: a request object or union.</summary>
    public static bool HasValidate(TypeRef? type) => type is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Object or TypeKind.Union };

    private static bool Emitted(TypeDef type) => type.UsedInRequest && type.Kind is TypeKind.Object or TypeKind.Union;

    /// <summary>
    /// The base list a request type adds: <c>IGcoreOriginSource</c> when it declares <c>backup</c> and <c>enabled</c>,
    /// so that GCDN006 can count the sources of a group whatever their variant.
    /// </summary>
    public static string BaseList(TypeDef type, bool hasBase) =>
        IsOriginSource(type) ? (hasBase ? ", " : " : ") + nameof(IGcoreOriginSource) : "";

    private static bool IsOriginSource(TypeDef type) =>
        Emitted(type) && Own(type, GcoreRules.BackupJson) is { Type.Kind: TypeRefKind.Boolean } && Own(type, GcoreRules.EnabledJson) is { Type.Kind: TypeRefKind.Boolean };

    public static void Emit(SourceWriter w, string ns, TypeDef type)
    {
        if (!Emitted(type))
            return;
        if (IsOriginSource(type))
        {
            w.Line($"""

                bool? {nameof(IGcoreOriginSource)}.{nameof(IGcoreOriginSource.Backup)} => {Own(type, GcoreRules.BackupJson)!.Name};

                bool? {nameof(IGcoreOriginSource)}.{nameof(IGcoreOriginSource.Enabled)} => {Own(type, GcoreRules.EnabledJson)!.Name};
                """);
        }

        // A union checks the members its variants share (for its Unknown variant); a variant checks all of its own.
        var properties = type.Kind == TypeKind.Union ? type.Properties.Where(p => !p.Inherited).ToList() : type.Properties.ToList();
        var calls = properties.SelectMany(p => Calls(ns, type, properties, p)).ToList();
        string modifier = type.Kind == TypeKind.Union ? "public virtual" : type.BaseType is not null ? "public override" : "public";
        w.Line();
        w.Line("/// <summary>What Gcore would reject in this request (the rules of GCDN001, GCDN003–GCDN006), each with its JSON path; empty when nothing.</summary>");
        string signature = $"{modifier} global::System.Collections.Generic.IReadOnlyList<GcoreProblem> {GeneratedNames.Validate}()";
        if (calls.Count == 0)
        {
            w.Line($"{signature} => {nameof(GcoreValidation)}.{nameof(GcoreValidation.None)};");
            return;
        }

        w.Line($"{signature} => new {nameof(GcoreValidation)}()");
        w.Indent();
        foreach (var call in calls)
            w.Line("." + call);
        w.Line($".{nameof(GcoreValidation.Problems)};");
        w.Outdent();
    }

    /// <summary>The string-backed enum's values, for GCDN003's message about one the spec does not list.</summary>
    public static void EmitListedValues(SourceWriter w, TypeDef type)
    {
        if (type.UsedInRequest)
        {
            w.Line();
            w.Line($"internal const string {GeneratedNames.ListedValues} = {Identifiers.Literal(string.Join(", ", type.Values.Select(v => v.Value)))};");
        }
    }

    private static PropertyDef? Own(TypeDef type, string json) => type.Properties.FirstOrDefault(p => p.JsonName == json && !p.Inherited);

    private static PropertyDef? Find(List<PropertyDef> properties, string json) => properties.FirstOrDefault(p => p.JsonName == json);

    private static IEnumerable<string> Calls(string ns, TypeDef type, List<PropertyDef> properties, PropertyDef p)
    {
        string json = Identifiers.Literal(p.JsonName);
        string member = $"nameof({p.Name})";
        var c = p.Constraints;
        var kind = p.Type.Kind;
        bool nullable = CSharp.IsTracked(p);
        if (kind == TypeRefKind.String && c is { MaxLength: not null } or { MinLength: not null } or { Pattern: not null })
        {
            yield return $"{nameof(GcoreValidation.Text)}({json}, {member}, {p.Name}, {c!.MaxLength ?? -1}, {c.MinLength ?? -1}, {Literal(c.Pattern)}{(p.Secret ? ", secret: true" : "")})";
        }

        if (kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Decimal && c is { Minimum: not null } or { Maximum: not null })
        {
            string value = kind == TypeRefKind.Decimal ? $"(double?){p.Name}" : p.Name;
            yield return $"{nameof(GcoreValidation.Number)}({json}, {member}, {value}, {Literal(c!.Minimum)}, {Literal(c.Maximum)})";
        }

        if (p.Type is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Enum, Name: { } enumType })
        {
            string access = nullable ? "?." : ".";
            yield return $"{nameof(GcoreValidation.Enum)}({json}, {member}, {p.Name}{access}{GeneratedNames.EnumValue}, {p.Name}{access}{GeneratedNames.IsKnown}, global::{ns}.{enumType}.{GeneratedNames.ListedValues})";
        }

        if (p.JsonName == GcoreRules.CasesJson && p.Type is { Kind: TypeRefKind.Array, Element.Kind: TypeRefKind.String })
        {
            yield return Find(properties, GcoreRules.UseNextJson) is { Type.Kind: TypeRefKind.Boolean } useNext
                ? $"{nameof(GcoreValidation.NextUpstream)}(nameof({useNext.Name}), {useNext.Name}, {member}, {IsSet(p)}, {p.Name})"
                : $"{nameof(GcoreValidation.Cases)}({member}, {p.Name})";
        }

        if (p.JsonName == GcoreRules.SourceJson && kind == TypeRefKind.String)
            yield return $"{nameof(GcoreValidation.Source)}({member}, {p.Name})";

        if (p.JsonName == GcoreRules.S3TypeJson && S3Type(properties) is { } s3Type)
        {
            var region = Find(properties, GcoreRules.S3RegionJson) is { Type.Kind: TypeRefKind.String } r ? r : null;
            var hostname = Find(properties, GcoreRules.S3HostnameJson) is { Type.Kind: TypeRefKind.String } h ? h : null;
            if (region is not null || hostname is not null)
                yield return $"{nameof(GcoreValidation.S3)}({member}, {s3Type}, {Optional(region)}, {Optional(hostname)})";
        }

        if (p.JsonName is GcoreRules.AccessKeyJson or GcoreRules.SecretKeyJson && kind == TypeRefKind.String)
        {
            string legacy = type.Deprecated is null ? "false" : "true";
            yield return $"{nameof(GcoreValidation.S3Key)}({json}, {member}, {p.Name}, {legacy}, {S3Type(properties) ?? "null"}, {c?.MinLength ?? -1}, {c?.MaxLength ?? -1})";
        }

        if (p.JsonName == GcoreRules.SourcesJson && p.Type.Kind == TypeRefKind.Array && HasValidate(p.Type.Element))
            yield return $"{nameof(GcoreValidation.ActiveSources)}({member}, {p.Name})";

        if (HasValidate(p.Type))
            yield return $"{nameof(GcoreValidation.Child)}({json}, {p.Name}?.{GeneratedNames.Validate}())";
        if (p.Type.Kind == TypeRefKind.Array && HasValidate(p.Type.Element))
            yield return $"{nameof(GcoreValidation.Each)}({json}, {p.Name}, static item => item.{GeneratedNames.Validate}())";
    }

    /// <summary>The <c>s3_type</c> value as a string expression (an enum's JSON value, or the string), or null when there is none.</summary>
    private static string? S3Type(List<PropertyDef> properties) => Find(properties, GcoreRules.S3TypeJson) switch
    {
        { Type.Kind: TypeRefKind.String } p => p.Name,
        { Type: { Kind: TypeRefKind.Named, NamedKind: TypeKind.Enum } } p => p.Name + (CSharp.IsTracked(p) ? "?." : ".") + GeneratedNames.EnumValue,
        _ => null,
    };

    /// <summary>A member that may be missing: its name, whether it was set, its value; or null, false, null.</summary>
    private static string Optional(PropertyDef? p) => p is null ? "null, false, null" : $"nameof({p.Name}), {IsSet(p)}, {p.Name}";

    private static string IsSet(PropertyDef p) => CSharp.IsTracked(p) ? CSharp.FieldIsSet(p) : "true";

    private static string Literal(string? text) => text is null ? "null" : Identifiers.Literal(text);
}
