using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting
{
    /// <summary>Emits the client: one nested class per path resource, one async method per operation.</summary>
    internal static class ClientEmitter
    {
        private sealed class Resource
        {
            public Resource(string name) => Name = name;

            public string Name { get; }

            public List<Resource> Children { get; } = new();

            public List<OperationDef> Operations { get; } = new();
        }

        public static string Emit(ApiModel model)
        {
            var root = new Resource("");
            foreach (var operation in model.Operations)
            {
                var node = root;
                foreach (var segment in operation.ResourcePath)
                {
                    var child = node.Children.FirstOrDefault(c => c.Name == segment);
                    if (child is null)
                    {
                        child = new Resource(segment);
                        node.Children.Add(child);
                    }

                    node = child;
                }

                node.Operations.Add(operation);
            }

            string ns = model.Options.Namespace;
            string client = model.Options.ClientName;
            var w = new SourceWriter();
            w.Line(CSharp.Header);
            using (w.Block("namespace " + ns))
            {
                w.Doc("summary", "A client for " + model.Title + ", generated from " + System.IO.Path.GetFileName(model.Options.Path) + ".");
                w.Line("/// <remarks>Thread-safe: keep one instance for the application's lifetime.</remarks>");
                using (w.Block("public sealed partial class " + client + " : global::System.IDisposable"))
                {
                    w.Line("/// <summary>The base address used when neither options nor GCORE_BASE_URL give one.</summary>");
                    w.Line("public const string DefaultBaseUrl = " + Identifiers.Literal(model.DefaultBaseUrl) + ";");
                    w.Line();
                    w.Line("private readonly GcoreTransport _transport;");
                    w.Line();
                    w.Line("/// <summary>A client configured from the environment: GCORE_API_KEY, GCORE_BASE_URL, GCORE_CUSTOM_HEADERS.</summary>");
                    w.Line("public " + client + "()");
                    w.Line("    : this(new " + client + "Options())");
                    w.Line("{");
                    w.Line("}");
                    w.Line();
                    w.Line("/// <summary>A client configured by <paramref name=\"options\"/>; what they leave unset comes from the environment.</summary>");
                    using (w.Block("public " + client + "(" + client + "Options options)"))
                    {
                        w.Line("_transport = new GcoreTransport(options, DefaultBaseUrl);");
                        foreach (var child in root.Children)
                            w.Line(child.Name + " = new " + child.Name + "Operations(_transport);");
                    }

                    w.Line();
                    w.Line("/// <summary>Where requests go.</summary>");
                    w.Line("public global::System.Uri BaseUrl => _transport.BaseUrl;");
                    foreach (var child in root.Children)
                    {
                        w.Line();
                        w.Line("/// <summary>Operations under <c>/" + SourceWriter.Xml(child.Name) + "</c>.</summary>");
                        w.Line("public " + child.Name + "Operations " + child.Name + " { get; }");
                    }

                    w.Line();
                    w.Line("/// <summary>Releases nothing the caller owns: a passed-in HttpClient stays open.</summary>");
                    w.Line("public void Dispose() => _transport.Dispose();");
                    foreach (var operation in root.Operations)
                    {
                        w.Line();
                        EmitOperation(w, ns, operation);
                    }

                    foreach (var child in root.Children)
                    {
                        w.Line();
                        EmitResource(w, ns, child, "/" + child.Name);
                    }
                }
            }

            return w.ToString();
        }

        private static void EmitResource(SourceWriter w, string ns, Resource resource, string display)
        {
            w.Line("/// <summary>Operations under <c>" + SourceWriter.Xml(display) + "</c>.</summary>");
            using (w.Block("public sealed partial class " + resource.Name + "Operations"))
            {
                w.Line("private readonly GcoreTransport _transport;");
                w.Line();
                using (w.Block("internal " + resource.Name + "Operations(GcoreTransport transport)"))
                {
                    w.Line("_transport = transport;");
                    foreach (var child in resource.Children)
                        w.Line(child.Name + " = new " + child.Name + "Operations(transport);");
                }

                foreach (var child in resource.Children)
                {
                    w.Line();
                    w.Line("/// <summary>Operations under <c>" + SourceWriter.Xml(display + "/" + child.Name) + "</c>.</summary>");
                    w.Line("public " + child.Name + "Operations " + child.Name + " { get; }");
                }

                foreach (var operation in resource.Operations)
                {
                    w.Line();
                    EmitOperation(w, ns, operation);
                }

                foreach (var child in resource.Children)
                {
                    w.Line();
                    EmitResource(w, ns, child, display + "/" + child.Name);
                }
            }
        }

        private static void EmitOperation(SourceWriter w, string ns, OperationDef op)
        {
            w.Doc("summary", op.Summary ?? op.Description ?? op.OperationId);
            if (op.Summary is not null && op.Description is not null && op.Description != op.Summary)
                w.Doc("remarks", op.Description);
            foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
                w.Doc("param", p.Summary ?? p.Name, "name=\"" + p.CsName + "\"");
            if (op.RequestBody is not null)
                w.Line("/// <param name=\"body\">The request body.</param>");
            foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path))
                w.Doc("param", p.Summary ?? p.Name, "name=\"" + p.CsName + "\"");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request, and any retry waiting to be sent.</param>");
            w.Line("/// <remarks>" + SourceWriter.Xml(op.HttpMethod + " " + op.PathTemplate) + " (<c>" + SourceWriter.Xml(op.OperationId) + "</c>).</remarks>");
            w.Line("/// <exception cref=\"GcoreApiException\">The server answered with an error status; the subclass tells which.</exception>");
            w.Line("/// <exception cref=\"GcoreConnectionException\">The server could not be reached, or an attempt timed out.</exception>");
            if (op.Deprecated is { } deprecated)
                w.Line(CSharp.Obsolete(deprecated));

            var args = new List<string>();
            foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
                args.Add(CSharp.Type(p.Type) + " " + p.CsName);
            if (op.RequestBody is not null)
                args.Add(CSharp.Type(op.RequestBody) + (op.RequestBodyRequired ? "" : "?") + " body" + (op.RequestBodyRequired ? "" : " = null"));
            foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path && p.Required))
                args.Add(CSharp.Type(p.Type) + " " + p.CsName);
            foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path && !p.Required))
                args.Add(CSharp.Nullable(p.Type) + " " + p.CsName + " = null");
            args.Add("global::System.Threading.CancellationToken cancellationToken = default");

            string returns = op.Response is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + CSharp.Type(op.Response) + ">";
            using (w.Block("public " + returns + " " + op.MethodName + "Async(" + string.Join(", ", args) + ")"))
            {
                if (op.RequestBody is not null && op.RequestBodyRequired && !op.RequestBody.IsValueType)
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
                string path = PathExpression(op);
                var query = op.Parameters.Where(p => p.In == ParameterLocation.Query).ToList();
                if (query.Count > 0)
                {
                    w.Line("var query = new GcoreQuery();");
                    foreach (var p in query)
                        w.Line("query.Add(" + Identifiers.Literal(p.Name) + ", " + QueryValue(p) + ");");
                }

                string queryArg = query.Count > 0 ? "query" : "null";
                string bodyArg = op.RequestBody is null ? "null" : op.RequestBodyRequired ? "body.WriteJson" : "body is null ? null : body.WriteJson";
                string method = op.HttpMethod switch
                {
                    "GET" => "global::System.Net.Http.HttpMethod.Get",
                    "POST" => "global::System.Net.Http.HttpMethod.Post",
                    "PUT" => "global::System.Net.Http.HttpMethod.Put",
                    "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
                    "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
                    "HEAD" => "global::System.Net.Http.HttpMethod.Head",
                    "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
                    _ => "new global::System.Net.Http.HttpMethod(" + Identifiers.Literal(op.HttpMethod) + ")",
                };
                if (op.Response is null)
                {
                    w.Line("return _transport.SendAsync(" + method + ", " + path + ", " + queryArg + ", " + bodyArg + ", cancellationToken);");
                }
                else
                {
                    w.Line("return _transport.SendAsync<" + CSharp.Type(op.Response) + ">(" + method + ", " + path + ", " + queryArg + ", " + bodyArg + ", " + Reader(ns, op.Response) + ", cancellationToken);");
                }
            }
        }

        private static string Reader(string ns, TypeRef type)
        {
            if (type.Kind == TypeRefKind.Named)
                return "global::" + ns + "." + type.Name + ".ReadJson";
            return "static (ref global::System.Text.Json.Utf8JsonReader reader) => " + JsonEmitter.ReadNotNull(ns, type, "reader", 1, "The answer");
        }

        private static string QueryValue(ParameterDef p)
        {
            if (p.Type.Kind == TypeRefKind.Named && p.Type.NamedKind == TypeKind.Enum)
                return p.CsName + (p.Required ? ".Value" : "?.Value");
            return p.CsName;
        }

        private static string PathExpression(OperationDef op)
        {
            var parts = new List<string>();
            string template = op.PathTemplate;
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf('{', i);
                if (open < 0)
                {
                    parts.Add(Identifiers.Literal(template.Substring(i)));
                    break;
                }

                if (open > i)
                    parts.Add(Identifiers.Literal(template.Substring(i, open - i)));
                int close = template.IndexOf('}', open);
                if (close < 0)
                {
                    parts.Add(Identifiers.Literal(template.Substring(open)));
                    break;
                }

                string name = template.Substring(open + 1, close - open - 1);
                var parameter = op.Parameters.First(p => p.In == ParameterLocation.Path && p.Name == name);
                string value = parameter.Type.Kind == TypeRefKind.Named && parameter.Type.NamedKind == TypeKind.Enum
                    ? parameter.CsName + ".Value"
                    : parameter.CsName;
                parts.Add("GcoreTransport.PathValue(" + value + ")");
                i = close + 1;
            }

            return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
        }
    }
}
