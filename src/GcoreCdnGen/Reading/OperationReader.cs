using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Paths → operations on a resource tree: /cdn/origin_groups/{id} is client.Cdn.OriginGroups, and its plain CRUD
/// operations are List, Create, Get, Replace (PUT), Update (PATCH) and Delete.
/// </summary>
internal sealed class OperationReader
{
    private readonly SpecOptions _options;
    private readonly SchemaReader _schemas;
    private readonly DiagnosticReporter _reporter;
    private readonly CancellationToken _ct;

    public OperationReader(SpecOptions options, SchemaReader schemas, DiagnosticReporter reporter, CancellationToken ct)
    {
        _options = options;
        _schemas = schemas;
        _reporter = reporter;
        _ct = ct;
    }

    private static readonly HttpMethod PatchMethod = new("PATCH");

    internal List<OperationDef> ReadOperations(OpenApiDocument document)
    {
        var selected = new List<(string Path, HttpMethod Method, OpenApiOperation Operation)>();
        foreach (var path in document.Paths)
        {
            if (path.Value?.Operations is null)
                continue;
            foreach (var operation in path.Value.Operations)
            {
                if (operation.Value is not null && IsSelected(path.Key, operation.Value))
                    selected.Add((path.Key, operation.Key, operation.Value));
            }
        }

        var allPaths = new HashSet<string>(document.Paths.Keys, StringComparer.Ordinal);
        var result = new List<OperationDef>();
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal); // resource + method name → operationId
        foreach (var (path, method, operation) in selected)
        {
            _ct.ThrowIfCancellationRequested();
            var def = ReadOperation(document, allPaths, path, method, operation);
            if (def is null)
                continue;
            string key = string.Join(".", def.ResourcePath) + "." + def.MethodName;
            if (methodNames.TryGetValue(key, out var other))
            {
                // Two operations want the same name: the second is named from its operationId.
                string fallback = Identifiers.Pascal(def.OperationId);
                string fallbackKey = string.Join(".", def.ResourcePath) + "." + fallback;
                if (methodNames.ContainsKey(fallbackKey))
                {
                    _reporter.Report(SpecDiagnosticKind.DuplicateName, OperationPointer(path, method),
                        "'" + other + "' and '" + def.OperationId + "' would both be named '" + def.MethodName + "Async'; '" + def.OperationId + "' is skipped");
                    continue;
                }

                def = def with { MethodName = fallback };
                key = fallbackKey;
            }

            methodNames[key] = def.OperationId;
            result.Add(def);
        }

        return result;
    }

    private bool IsSelected(string path, OpenApiOperation operation)
    {
        if (_options.Tags.Count > 0)
        {
            var tags = operation.Tags?.Select(t => t.Name).Where(n => n is not null) ?? Enumerable.Empty<string?>();
            if (!tags.Any(t => _options.Tags.Any(wanted => string.Equals(wanted, t, StringComparison.OrdinalIgnoreCase))))
                return false;
        }

        if (_options.PathPrefixes.Count > 0 && !_options.PathPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            return false;
        return true;
    }

    private static string OperationPointer(string path, HttpMethod method) =>
        "#/paths/" + JsonPointers.Escape(path) + "/" + method.Method.ToLowerInvariant();

    private OperationDef? ReadOperation(OpenApiDocument document, HashSet<string> allPaths, string path, HttpMethod method, OpenApiOperation operation)
    {
        string pointer = OperationPointer(path, method);
        string operationId = operation.OperationId ?? (method.Method.ToLowerInvariant() + " " + path);
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        bool endsWithParameter = segments.Length > 0 && IsParameter(segments[segments.Length - 1]);
        var resource = segments.Where(s => !IsParameter(s)).Select(Identifiers.Pascal).ToList();
        string methodName;

        var responseSchema = SuccessResponse(operation, out int successStatus, out var responseMedia, out var responseKind);
        string opName = Identifiers.Pascal(operationId);
        TypeRef? response = responseKind != ResponseKind.Json ? null : _schemas.MapSchema(responseSchema, opName + "Response", pointer + "/responses/" + successStatus.ToString(CultureInfo.InvariantCulture) + "/content/" + JsonPointers.Escape(responseMedia ?? "") + "/schema");
        bool returnsList = response is { Kind: TypeRefKind.Array } || response is { Kind: TypeRefKind.Named, NamedKind: TypeKind.ListEnvelope };

        if (endsWithParameter)
        {
            methodName = method.Method switch
            {
                "GET" => "Get",
                "PUT" => "Replace",
                "PATCH" => "Update",
                "DELETE" => "Delete",
                _ => opName,
            };
        }
        else
        {
            bool isCollection = allPaths.Any(p => p.StartsWith(path + "/{", StringComparison.Ordinal)) ||
                (document.Paths[path].Operations?.ContainsKey(HttpMethod.Get) ?? false) ||
                segments.Length < 2 || !IsParameter(segments[segments.Length - 2]);
            if (!isCollection && method != HttpMethod.Get)
            {
                // An action on an item: POST /cdn/resources/{id}/purge is client.Cdn.Resources.PurgeAsync(id).
                methodName = resource[resource.Count - 1];
                resource.RemoveAt(resource.Count - 1);
            }
            else
            {
                methodName = method.Method switch
                {
                    "GET" => returnsList ? "List" : "Get",
                    "POST" => "Create",
                    "PUT" => "Replace",
                    "PATCH" => "Update",
                    "DELETE" => "Delete",
                    _ => opName,
                };
            }
        }

        var parameters = ReadParameters(path, operation, pointer, opName);
        if (parameters is null)
            return null;

        var body = ReadBody(operation, pointer, opName, parameters);
        if (body is null)
            return null;

        return new OperationDef
        {
            OperationId = operationId,
            HttpMethod = method.Method,
            PathTemplate = path,
            ResourcePath = resource.ToEquatableArray(),
            MethodName = methodName,
            Summary = SpecText.Clean(operation.Summary),
            Description = SpecText.Clean(operation.Description),
            Deprecated = operation.Deprecated ? SpecText.DeprecationMessage(operation.Description, "operation") : null,
            Parameters = parameters.ToEquatableArray(),
            RequestBody = body.Value.Type,
            RequestBodyRequired = body.Value.Required,
            BodyKind = body.Value.Kind,
            BodyMediaType = body.Value.MediaType,
            Response = response,
            ResponseKind = responseKind,
            ResponseMediaType = responseKind is ResponseKind.Text or ResponseKind.Binary ? responseMedia : null,
            SuccessStatus = successStatus,
        };
    }

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || mediaType == "*/*";

    /// <summary>
    /// The first 2xx response's body: JSON when it offers JSON (read into a type), else text for <c>text/*</c> (a string),
    /// else a binary download (a stream): any other media type, or a schema of <c>format: binary</c>.
    /// </summary>
    private static IOpenApiSchema? SuccessResponse(OpenApiOperation operation, out int status, out string? mediaType, out ResponseKind kind)
    {
        status = 200;
        mediaType = null;
        kind = ResponseKind.None;
        if (operation.Responses is null)
            return null;
        foreach (var pair in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code < 200 || code > 299)
                continue;
            status = code;
            var content = pair.Value?.Content;
            if (content is null || content.Count == 0)
                return null;
            var json = content.FirstOrDefault(c => IsJson(c.Key) && !IsBinary(c.Value?.Schema));
            if (json.Key is not null)
            {
                mediaType = json.Key;
                kind = ResponseKind.Json;
                return json.Value?.Schema;
            }

            var text = content.FirstOrDefault(c => IsText(c.Key) && !IsBinary(c.Value?.Schema));
            kind = text.Key is not null ? ResponseKind.Text : ResponseKind.Binary;
            mediaType = kind == ResponseKind.Text ? text.Key : string.Join(", ", content.Keys);
            return null;
        }

        return null;
    }

    /// <summary><c>text/plain</c>, <c>text/html</c>, and the misspelt <c>plain/text</c> that one of Gcore's documents uses.</summary>
    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("plain/text", StringComparison.OrdinalIgnoreCase);

    /// <summary>A schema of <c>type: string, format: binary</c> (or of an array of them): bytes, not text.</summary>
    private static bool IsBinary(IOpenApiSchema? schema) =>
        SchemaShape.Resolve(schema) is { } resolved && (resolved.Format == "binary" || SchemaShape.Resolve(resolved.Items)?.Format == "binary");

    /// <summary>The body as read: its kind, its JSON type (JSON only), whether the caller must give it, its media type.</summary>
    private readonly record struct Body(BodyKind Kind, TypeRef? Type, bool Required, string? MediaType);

    /// <summary>
    /// Reads the request body. Of several media types, JSON is taken first (it carries every schema), then
    /// <c>multipart/form-data</c>, then <c>application/x-www-form-urlencoded</c>; anything else is sent as raw bytes.
    /// A form's fields are added to <paramref name="parameters"/>. Null when the operation cannot be generated (reported).
    /// </summary>
    private Body? ReadBody(OpenApiOperation operation, string pointer, string opName, List<ParameterDef> parameters)
    {
        if (operation.RequestBody is not { Content: { Count: > 0 } content } requestBody)
            return new Body(BodyKind.None, null, false, null);
        bool required = requestBody.Required;
        var json = content.FirstOrDefault(c => IsJson(c.Key) && !IsBinary(c.Value?.Schema));
        if (json.Key is not null)
        {
            string bodyPointer = pointer + "/requestBody/content/" + JsonPointers.Escape(json.Key) + "/schema";
            var type = _schemas.MapSchema(json.Value?.Schema, opName + "Request", bodyPointer);
            return new Body(BodyKind.Json, type, required, json.Key);
        }

        foreach (var (media, kind) in new[] { ("multipart/form-data", BodyKind.Multipart), ("application/x-www-form-urlencoded", BodyKind.Form) })
        {
            var form = content.FirstOrDefault(c => c.Key.StartsWith(media, StringComparison.OrdinalIgnoreCase));
            if (form.Key is null)
                continue;
            string formPointer = pointer + "/requestBody/content/" + JsonPointers.Escape(form.Key) + "/schema";
            if (!ReadFormFields(form.Value?.Schema, formPointer, opName, kind, parameters))
                return null;
            return new Body(kind, null, required, form.Key);
        }

        // application/octet-stream, application/zip, image/png, text/plain...: the caller's bytes as they are.
        return new Body(BodyKind.Binary, TypeRef.File, required, content.First().Key);
    }

    /// <summary>
    /// A form's fields, as parameters in <see cref="Model.ParameterLocation.Form"/>: each property of the body's object
    /// schema (allOf parts merged). <c>format: binary</c> is a file (multipart only); other values keep their type.
    /// </summary>
    private bool ReadFormFields(IOpenApiSchema? schema, string pointer, string opName, BodyKind kind, List<ParameterDef> parameters)
    {
        var fields = new List<(string Name, IOpenApiSchema Schema, string Pointer, bool Required)>();
        void Collect(IOpenApiSchema part, string partPointer, int depth)
        {
            if (depth > 8 || _schemas.Resolve(part, partPointer) is not { } resolved)
                return;
            int index = 0;
            foreach (var inner in resolved.Schema.AllOf ?? new List<IOpenApiSchema>())
                Collect(inner, resolved.Pointer + "/allOf/" + (index++).ToString(CultureInfo.InvariantCulture), depth + 1);
            var requiredNames = resolved.Schema.Required ?? new HashSet<string>();
            foreach (var property in resolved.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                fields.RemoveAll(f => f.Name == property.Key);
                fields.Add((property.Key, property.Value, resolved.Pointer + "/properties/" + JsonPointers.Escape(property.Key), requiredNames.Contains(property.Key)));
            }
        }

        if (schema is not null)
            Collect(schema, pointer, 0);
        if (fields.Count == 0)
        {
            _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, pointer,
                "operation '" + opName + "' takes a form body without named fields, which cannot be sent; the operation is skipped");
            return false;
        }

        var names = new NameScope(parameters.Select(p => p.CsName).Concat(ReservedNames).Concat(PagingNames).ToArray());
        foreach (var field in fields)
        {
            var facts = new SiteFacts();
            TypeRef type = kind == BodyKind.Multipart && IsBinary(field.Schema)
                ? (field.Schema.Format == "binary" ? TypeRef.File : TypeRef.ArrayOf(TypeRef.File))
                : _schemas.MapSchema(field.Schema, opName + Identifiers.Pascal(field.Name), field.Pointer, facts);
            parameters.Add(new ParameterDef
            {
                Name = field.Name,
                CsName = names.Claim(Identifiers.Camel(field.Name)),
                In = Model.ParameterLocation.Form,
                Type = type,
                Required = field.Required,
                Summary = facts.Summary ?? SpecText.Clean(field.Schema.Description),
                Deprecated = facts.Deprecated,
                Constraints = facts.Constraints,
            });
        }

        return true;
    }

    /// <summary>
    /// A parameter's type. A parameter is text on the wire, so shapes that are objects in JSON Schema but one value in
    /// the query reduce first: <c>allOf</c> of one schema is that schema; a <c>oneOf</c>/<c>anyOf</c> whose variants (less
    /// <c>null</c>) are one scalar type is that type, of several scalars a string, of a value and an array of it the array.
    /// </summary>
    private TypeRef ParameterType(IOpenApiSchema? schema, string nameHint, string pointer, SiteFacts facts)
    {
        if (schema is { AllOf: { Count: 1 } allOf } && schema is not OpenApiSchemaReference && !schema.HasProperties() && !schema.IsUnion())
            return ParameterType(allOf[0], nameHint, pointer + "/allOf/0", facts);
        if (schema is not null && schema is not OpenApiSchemaReference && schema.IsUnion())
        {
            var variants = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!)
                .Select((v, i) => (Schema: _schemas.Resolve(v, pointer, quiet: true)?.Schema, Index: i))
                .Where(v => v.Schema is not null && v.Schema.Type != JsonSchemaType.Null)
                .ToList();
            if (variants.Count > 0 && variants.All(v => IsScalarOrArrayOfScalars(v.Schema!)))
            {
                string kind = schema.OneOf is { Count: > 0 } ? "/oneOf/" : "/anyOf/";
                var types = variants.Select(v => _schemas.MapSchema(schema.OneOf is { Count: > 0 } ? schema.OneOf[v.Index] : schema.AnyOf![v.Index], nameHint, pointer + kind + v.Index.ToString(CultureInfo.InvariantCulture), facts)).ToList();
                facts.Nullable |= variants.Count < (schema.OneOf?.Count ?? 0) + (schema.AnyOf?.Count ?? 0);
                var scalars = types.Select(t => t.Kind == TypeRefKind.Array ? t.Element! : t).Distinct().ToList();
                var scalar = scalars.Count == 1 ? scalars[0] : TypeRef.String;
                return types.Any(t => t.Kind == TypeRefKind.Array) ? TypeRef.ArrayOf(scalar) : scalar;
            }
        }

        return _schemas.MapSchema(schema, nameHint, pointer, facts);
    }

    private static bool IsScalarOrArrayOfScalars(IOpenApiSchema schema)
    {
        static bool Scalar(IOpenApiSchema? s) => s is not null && !s.HasProperties() && !s.IsUnion() && s.AllOf is not { Count: > 0 } &&
            s.NonNullType() is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean;
        return Scalar(schema) || (schema.NonNullType() == JsonSchemaType.Array && Scalar(schema.Items is OpenApiSchemaReference r ? r.TargetOrNull() : schema.Items));
    }

    /// <summary>The client method's own parameters and locals, never a parameter's name.</summary>
    private static readonly string[] ReservedNames = { "cancellationToken", "body", "bodyValue", "request", "requestOptions", "query", "headers", "form", "write", "writer" };

    /// <summary>The locals of a paging method, reserved where limit and offset make one.</summary>
    private static readonly string[] PagingNames = { "pageSize", "next", "page", "items", "item" };

    private List<ParameterDef>? ReadParameters(string path, OpenApiOperation operation, string pointer, string opName)
    {
        var result = new List<ParameterDef>();
        // The method's own parameters and the locals the client's methods declare (a value method's query; where
        // limit and offset make a paging method, its pageSize, next, page, items and item) are never a parameter's name.
        var declared = operation.Parameters?.Where(p => p?.In == Microsoft.OpenApi.ParameterLocation.Query).Select(p => p!.Name).ToList() ?? new List<string?>();
        var names = declared.Contains("limit") && declared.Contains("offset")
            ? new NameScope(ReservedNames.Concat(PagingNames).ToArray())
            : new NameScope(ReservedNames);
        int index = 0;
        foreach (var parameter in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            string paramPointer = pointer + "/parameters/" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            if (parameter?.Name is null || parameter.In is null)
            {
                _reporter.Report(SpecDiagnosticKind.DanglingReference, paramPointer, "a parameter of '" + opName + "' points at nothing; the parameter is skipped");
                continue;
            }

            Model.ParameterLocation location;
            switch (parameter.In)
            {
                case Microsoft.OpenApi.ParameterLocation.Path: location = Model.ParameterLocation.Path; break;
                case Microsoft.OpenApi.ParameterLocation.Query: location = Model.ParameterLocation.Query; break;
                case Microsoft.OpenApi.ParameterLocation.Header: location = Model.ParameterLocation.Header; break;
                default:
                    if (parameter.Required)
                    {
                        _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, paramPointer,
                            "parameter '" + parameter.Name + "' in " + parameter.In + " is required but cannot be sent yet; the operation is skipped");
                        return null;
                    }

                    continue;
            }

            var facts = new SiteFacts();
            var type = ParameterType(parameter.Schema, opName + Identifiers.Pascal(parameter.Name), paramPointer + "/schema", facts);
            if (type.Kind is TypeRefKind.Named && type.NamedKind != TypeKind.Enum || type.Kind is TypeRefKind.Map or TypeRefKind.Json)
            {
                if (parameter.Required || location == Model.ParameterLocation.Path)
                {
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, paramPointer,
                        "parameter '" + parameter.Name + "' is an object, which cannot be sent yet; the operation is skipped");
                    return null;
                }

                _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, paramPointer,
                    "parameter '" + parameter.Name + "' is an object, which cannot be sent yet; the parameter is skipped");
                continue;
            }

            result.Add(new ParameterDef
            {
                Name = parameter.Name,
                CsName = names.Claim(Identifiers.Camel(parameter.Name)),
                In = location,
                Type = type,
                Required = parameter.Required || location == Model.ParameterLocation.Path,
                Summary = SpecText.Clean(parameter.Description) ?? facts.Summary,
                Deprecated = parameter.Deprecated ? SpecText.DeprecationMessage(parameter.Description, "parameter") : facts.Deprecated,
                Constraints = facts.Constraints,
                Explode = parameter.Explode,
            });
        }

        // Path parameters in the order the template names them.
        var template = path.Split('/').Where(IsParameter).Select(s => s.Substring(1, s.Length - 2)).ToList();
        foreach (var name in template)
        {
            if (!result.Any(p => p.In == Model.ParameterLocation.Path && p.Name == name))
            {
                _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, pointer,
                    "path parameter '{" + name + "}' of '" + opName + "' is not declared; it is taken as a string");
                result.Add(new ParameterDef
                {
                    Name = name,
                    CsName = names.Claim(Identifiers.Camel(name)),
                    In = Model.ParameterLocation.Path,
                    Type = TypeRef.String,
                    Required = true,
                    Summary = null,
                    Deprecated = null,
                    Constraints = null,
                });
            }
        }

        return result
            .OrderBy(p => p.In == Model.ParameterLocation.Path ? 0 : p.Required ? 1 : 2)
            .ThenBy(p => p.In == Model.ParameterLocation.Path ? template.IndexOf(p.Name) : 0)
            .ToList();
    }
}
