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

        var responseSchema = SuccessResponse(operation, out int successStatus, out var responseMedia);
        string opName = Identifiers.Pascal(operationId);
        TypeRef? response = responseSchema is null ? null : _schemas.MapSchema(responseSchema, opName + "Response", pointer + "/responses/" + successStatus.ToString(CultureInfo.InvariantCulture) + "/content/" + JsonPointers.Escape(responseMedia ?? "") + "/schema");
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

        TypeRef? body = null;
        bool bodyRequired = false;
        if (operation.RequestBody is { } requestBody)
        {
            var media = requestBody.Content?.FirstOrDefault(c => IsJson(c.Key));
            if (media is null || media.Value.Value is null)
            {
                if (requestBody.Content is { Count: > 0 })
                {
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, pointer + "/requestBody",
                        "operation '" + operationId + "' takes a '" + requestBody.Content.First().Key + "' body, which cannot be sent yet; the operation is skipped");
                    return null;
                }
            }
            else
            {
                string bodyPointer = pointer + "/requestBody/content/" + JsonPointers.Escape(media.Value.Key) + "/schema";
                body = _schemas.MapSchema(media.Value.Value.Schema, opName + "Request", bodyPointer);
                bodyRequired = requestBody.Required;
                if (body.Kind != TypeRefKind.Named || body.NamedKind == TypeKind.Enum)
                {
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, bodyPointer,
                        "operation '" + operationId + "' takes a body that is not an object, which cannot be sent yet; the operation is skipped");
                    return null;
                }
            }
        }

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
            RequestBody = body,
            RequestBodyRequired = bodyRequired,
            Response = response,
            SuccessStatus = successStatus,
        };
    }

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || mediaType == "*/*";

    private static IOpenApiSchema? SuccessResponse(OpenApiOperation operation, out int status, out string? mediaType)
    {
        status = 200;
        mediaType = null;
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
            var json = content.FirstOrDefault(c => IsJson(c.Key));
            mediaType = json.Key;
            return json.Value?.Schema;
        }

        return null;
    }

    private List<ParameterDef>? ReadParameters(string path, OpenApiOperation operation, string pointer, string opName)
    {
        var result = new List<ParameterDef>();
        // The method's own parameters and the locals the client's methods declare (a value method's query; where
        // limit and offset make a paging method, its pageSize, next, page, items and item) are never a parameter's name.
        var declared = operation.Parameters?.Where(p => p?.In == Microsoft.OpenApi.ParameterLocation.Query).Select(p => p!.Name).ToList() ?? new List<string?>();
        var names = declared.Contains("limit") && declared.Contains("offset")
            ? new NameScope("cancellationToken", "body", "request", "requestOptions", "query", "pageSize", "next", "page", "items", "item")
            : new NameScope("cancellationToken", "body", "request", "requestOptions", "query");
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
            var type = _schemas.MapSchema(parameter.Schema, opName + Identifiers.Pascal(parameter.Name), paramPointer + "/schema", facts);
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
