using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// Emits <c>&lt;Client&gt;Fake</c>, the in-memory fake of a spec's API for tests (only when the spec asks for it): the
/// spec's collections, operations and response shapes as data for the runtime's <c>GcoreFake</c>, which holds the
/// behaviour, plus a typed accessor per top-level collection. Request bodies are checked by the generated readers
/// (the schema's shape) and then by the request types' <c>Validate()</c> (Gcore's rules, as the analyzers and the client apply them).
/// </summary>
internal static class FakeEmitter
{
    /// <summary>What the runtime's <c>GcoreFake</c> declares, which no collection accessor may take.</summary>
    private static readonly string[] FakeMembers =
    {
        "Api", "ApiKey", "Clock", "Faults", "Log", "Requests", "CreateHttpClient", "CreateHandler", "Override", "ClearRequests",
        "Seed", "Items", "MaskedSecret", "ErrorsJson", "Check", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    private sealed record Operation(OperationDef Def, string Action, string? Collection);

    private sealed record Collection(string Path, IReadOnlyList<string> ResourcePath, TypeDef Item, string? IdProperty, bool IntegerIds, IReadOnlyList<string> ServerFields);

    public static string Emit(ApiModel model)
    {
        var types = model.Types.ToDictionary(t => t.Name);
        var operations = model.Operations.Select(Classify).ToList();
        var collections = Collections(operations, types);
        operations = operations.Select(o => o.Collection is { } c && !collections.ContainsKey(c) ? o with { Action = "Other", Collection = null } : o).ToList();

        string ns = model.Options.Namespace;
        string fake = GeneratedNames.FakeType(model.Options.ClientName);
        string options = GeneratedNames.OptionsType(model.Options.ClientName);
        var typed = collections.Values.Where(c => !c.Path.Contains("{")).ToList();
        var names = ResourceNames.FakeCollectionNames(typed.Select(c => c.ResourcePath).ToList(), fake, FakeMembers);

        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            w.Line($$"""
                /// <summary>
                /// An in-memory Gcore for tests, generated from {{SourceWriter.Xml(System.IO.Path.GetFileName(model.Options.Path))}}: give
                /// <see cref="GcoreFake.CreateHttpClient"/> to <see cref="{{options}}.HttpClient"/> and the client talks to it, with no socket.
                /// It keeps the collections' items, checks request bodies against the spec, and answers as the API would.
                /// </summary>
                /// <example><code>
                /// var fake = new {{fake}}();
                /// using var client = new {{model.Options.ClientName}}(new {{options}} { HttpClient = fake.CreateHttpClient(), ApiKey = "test", TimeProvider = fake.Clock });
                /// </code></example>
                """);
            using (w.Block($"public sealed partial class {fake} : GcoreFake"))
            {
                using (w.Block($"public {fake}()\n    : base(Api)"))
                {
                    for (int i = 0; i < typed.Count; i++)
                    {
                        string item = "global::" + ns + "." + typed[i].Item.Name;
                        w.Line($"{names[i]} = new GcoreFakeCollection<{item}>(this, {Identifiers.Literal(typed[i].Path)}, {item}.{GeneratedNames.ReadJson}, static (writer, value) => value.{GeneratedNames.WriteJson}(writer));");
                    }
                }

                for (int i = 0; i < typed.Count; i++)
                {
                    w.Line($$"""

                        /// <summary>The items under <c>{{SourceWriter.Xml(typed[i].Path)}}</c>: seed them, read them back as the API answers them.</summary>
                        public GcoreFakeCollection<global::{{ns}}.{{typed[i].Item.Name}}> {{names[i]}} { get; }
                        """);
                }

                w.Line();
                w.Line("private static readonly GcoreFakeApi Api = new(");
                w.Indent();
                using (w.Block("new GcoreFakeShape[]", "},"))
                {
                    foreach (var shape in Shapes(operations, collections.Values, types))
                        EmitShape(w, shape, types);
                }

                using (w.Block("new GcoreFakeCollectionDef[]", "},"))
                {
                    foreach (var c in collections.Values)
                    {
                        string fields = c.ServerFields.Count == 0 ? "" : ", new[] { " + string.Join(", ", c.ServerFields.Select(Identifiers.Literal)) + " }";
                        w.Line($"new({Identifiers.Literal(c.Path)}, {Identifiers.Literal(c.Item.Name)}, {(c.IdProperty is null ? "null" : Identifiers.Literal(c.IdProperty))}, integerIds: {(c.IntegerIds ? "true" : "false")}{fields}),");
                    }
                }

                using (w.Block("new GcoreFakeOperation[]", "});"))
                {
                    foreach (var operation in operations)
                        w.Line(OperationLine(ns, operation, types) + ",");
                }

                w.Outdent();
            }
        }

        return w.ToString();
    }

    /// <summary>An operation's place among the collections, from the method name the reader gave it.</summary>
    private static Operation Classify(OperationDef op)
    {
        var segments = op.PathTemplate.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries);
        bool onItem = segments.Length > 0 && segments[segments.Length - 1].StartsWith("{", System.StringComparison.Ordinal);
        string parent = "/" + string.Join("/", segments.Take(segments.Length - 1));
        return (op.HttpMethod, op.MethodName, onItem) switch
        {
            ("GET", "List", false) => new Operation(op, "List", op.PathTemplate),
            ("POST", "Create", false) => new Operation(op, "Create", op.PathTemplate),
            ("GET", "Get", true) => new Operation(op, "Get", parent),
            ("PUT", "Replace", true) => new Operation(op, "Replace", parent),
            ("PATCH", "Update", true) => new Operation(op, "Update", parent),
            ("DELETE", "Delete", true) => new Operation(op, "Delete", parent),
            _ => new Operation(op, "Other", null),
        };
    }

    /// <summary>
    /// The paths that look like collections: something creates items there or reads one by id, and the items are
    /// objects. The item is what a GET by id answers, else what POST answers, else a list's item.
    /// </summary>
    private static Dictionary<string, Collection> Collections(List<Operation> operations, Dictionary<string, TypeDef> types)
    {
        var result = new Dictionary<string, Collection>(System.StringComparer.Ordinal);
        foreach (var group in operations.Where(o => o.Collection is not null).GroupBy(o => o.Collection!))
        {
            var byAction = group.GroupBy(o => o.Action).ToDictionary(g => g.Key, g => g.First().Def);
            if (!byAction.ContainsKey("Create") && !byAction.ContainsKey("Get"))
                continue;
            string? itemName = Shape(byAction.TryGetValue("Get", out var get) ? get.Response : null)
                ?? Shape(byAction.TryGetValue("Create", out var create) ? create.Response : null)
                ?? (byAction.TryGetValue("List", out var list) ? ListItem(list, types) : null);
            if (itemName is null)
                continue;
            var item = types[itemName];
            var properties = AllProperties(item, types).Select(p => p.JsonName).ToList();
            var idParameter = group.Where(o => o.Action != "List" && o.Action != "Create")
                .Select(o => o.Def.Parameters.LastOrDefault(p => p.In == ParameterLocation.Path)).FirstOrDefault(p => p is not null);
            string? idProperty = properties.Contains("id") ? "id" : idParameter is not null && properties.Contains(idParameter.Name) ? idParameter.Name : null;
            bool integerIds = idParameter is null
                ? AllProperties(item, types).FirstOrDefault(p => p.JsonName == idProperty)?.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64
                : idParameter.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64;

            // What the answer has and no request sends is the server's to set (has_related_resources, path).
            var sent = new HashSet<string>(group.Where(o => o.Action == "Create" && o.Def.RequestBody?.Name is not null)
                .SelectMany(o => AllProperties(types[o.Def.RequestBody!.Name!], types)).Select(p => p.JsonName));
            var serverFields = sent.Count == 0 ? new List<string>() : properties.Distinct().Where(p => p != idProperty && !sent.Contains(p)).ToList();
            result[group.Key] = new Collection(group.Key, group.First().Def.ResourcePath, item, idProperty, integerIds, serverFields);
        }

        return result;
    }

    private static string? Shape(TypeRef? type) =>
        type is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Object or TypeKind.Union } ? type.Name : null;

    private static string? ListItem(OperationDef op, Dictionary<string, TypeDef> types) => op.Response switch
    {
        { Kind: TypeRefKind.Array } array => Shape(array.Element),
        { Kind: TypeRefKind.Named, NamedKind: TypeKind.ListEnvelope } envelope => Shape(types[envelope.Name!].ItemType),
        _ => null,
    };

    /// <summary>A type's properties, and for a union those of its variants.</summary>
    private static IEnumerable<PropertyDef> AllProperties(TypeDef type, Dictionary<string, TypeDef> types) =>
        type.Properties.Concat(type.Variants.Where(types.ContainsKey).SelectMany(v => types[v].Properties));

    /// <summary>Every object and union an answer can hold, from the operations' responses down.</summary>
    private static List<TypeDef> Shapes(List<Operation> operations, IEnumerable<Collection> collections, Dictionary<string, TypeDef> types)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var result = new List<TypeDef>();
        void Visit(TypeRef? type)
        {
            while (type is { Kind: TypeRefKind.Array or TypeRefKind.Map })
                type = type.Element;
            if (type is not { Kind: TypeRefKind.Named } || !types.TryGetValue(type.Name!, out var def) || !seen.Add(def.Name))
                return;
            if (def.Kind == TypeKind.ListEnvelope)
            {
                Visit(def.ItemType);
                return;
            }

            if (def.Kind is not (TypeKind.Object or TypeKind.Union))
                return;
            result.Add(def);
            foreach (var property in def.Properties)
                Visit(property.Type);
            foreach (var variant in def.Variants)
                Visit(TypeRef.NamedType(variant, TypeKind.Object));
        }

        foreach (var operation in operations)
            Visit(operation.Def.Response);
        foreach (var collection in collections)
            Visit(TypeRef.NamedType(collection.Item.Name, collection.Item.Kind));
        return result;
    }

    private static void EmitShape(SourceWriter w, TypeDef type, Dictionary<string, TypeDef> types)
    {
        string variants = type.Kind == TypeKind.Union && type.Variants.Count > 0
            ? ", new[] { " + string.Join(", ", type.Variants.Select(Identifiers.Literal)) + " }"
            : "";
        if (type.Properties.Count == 0)
        {
            w.Line($"new({Identifiers.Literal(type.Name)}, System.Array.Empty<GcoreFakeProperty>(){variants}),".Replace("System.Array", "global::System.Array"));
            return;
        }

        w.Line($"new({Identifiers.Literal(type.Name)}, new GcoreFakeProperty[]");
        w.Line("{");
        w.Indent();
        foreach (var property in type.Properties)
            w.Line(PropertyLine(type, property, types) + ",");
        w.Outdent();
        w.Line("}" + variants + "),");
    }

    private static string PropertyLine(TypeDef type, PropertyDef property, Dictionary<string, TypeDef> types)
    {
        var args = new List<string> { Identifiers.Literal(property.JsonName) };
        bool required = property.Presence is Presence.Required or Presence.RequiredNullable or Presence.DefaultEmpty;
        if (required)
            args.Add("required: true");
        var element = property.Type;
        while (element.Kind is TypeRefKind.Array or TypeRefKind.Map)
            element = element.Element!;
        if (Shape(element) is { } shape)
            args.Add("shape: " + Identifiers.Literal(shape));
        if (property.DefaultJson is { } defaultJson)
            args.Add("defaultJson: " + Identifiers.Literal(defaultJson));
        // Also for optional ones: a field only the server sets starts at it.
        if ((property.Presence == Presence.RequiredNullable ? "null" : Minimal(property.Type, types)) is { } minimal)
            args.Add("minimalJson: " + Identifiers.Literal(minimal));
        if (property.Secret)
            args.Add("secret: true");
        if ((property.KindValue ?? (property.JsonName == type.KindProperty ? type.KindValue : null)) is { } kind)
            args.Add("kindValue: " + Identifiers.Literal(kind));
        return "new(" + string.Join(", ", args) + ")";
    }

    /// <summary>The smallest valid JSON of a type; null for an object or a union, which the runtime builds from its shape.</summary>
    private static string? Minimal(TypeRef type, Dictionary<string, TypeDef> types) => type.Kind switch
    {
        TypeRefKind.String => "\"\"",
        TypeRefKind.Boolean => "false",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Decimal => "0",
        TypeRefKind.DateTimeOffset => "\"1970-01-01T00:00:00Z\"",
        TypeRefKind.Guid => "\"00000000-0000-0000-0000-000000000000\"",
        TypeRefKind.Array => "[]",
        TypeRefKind.Map => "{}",
        TypeRefKind.Named when type.NamedKind == TypeKind.Enum && types.TryGetValue(type.Name!, out var e) && e.Values.Count > 0 =>
            Escaping.JsonString(e.Values[0].Value),
        TypeRefKind.Named when type.NamedKind == TypeKind.Enum => "\"\"",
        TypeRefKind.Named when type.NamedKind == TypeKind.ListEnvelope => "[]",
        TypeRefKind.Named => null,
        _ => "null",
    };

    private static string OperationLine(string ns, Operation operation, Dictionary<string, TypeDef> types)
    {
        var op = operation.Def;
        var args = new List<string>
        {
            Identifiers.Literal(op.OperationId),
            Identifiers.Literal(op.HttpMethod),
            Identifiers.Literal(op.PathTemplate),
            "GcoreFakeAction." + operation.Action,
            op.SuccessStatus.ToString(CultureInfo.InvariantCulture),
        };
        if (operation.Collection is { } collection)
            args.Add("collection: " + Identifiers.Literal(collection));
        string? response = operation.Action == "List" ? ListItem(op, types) : Shape(op.Response);
        if (response is not null)
            args.Add("response: " + Identifiers.Literal(response));
        else if (op.Response is { } type && Minimal(type, types) is { } minimal)
            args.Add("responseJson: " + Identifiers.Literal(minimal));
        if (operation.Action == "List" && op.Response is { Kind: TypeRefKind.Named, NamedKind: TypeKind.ListEnvelope })
            args.Add("listEnvelope: true");
        if (op.RequestBody is { Kind: TypeRefKind.Named } body)
        {
            string bodyType = "global::" + ns + "." + body.Name;
            args.Add($"check: GcoreFake.Check<{bodyType}>({bodyType}.{GeneratedNames.ReadJson}, static value => value.{GeneratedNames.Validate}())");
        }

        return "new(" + string.Join(", ", args) + ")";
    }
}
