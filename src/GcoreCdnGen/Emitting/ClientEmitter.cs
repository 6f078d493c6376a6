using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GcoreCdnGen.Emitting.Json;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// Emits the client: one nested class per path resource, one async method per operation, a <c>WithRawResponse</c>
/// twin of each resource's methods (status and headers with the value), <c>…AllAsync</c> paging helpers for lists,
/// and, when the consumer references Microsoft.Extensions.Http, an <c>Add&lt;Client&gt;</c> DI extension. Each thing is
/// said once: the twins and paging helpers take their docs from the value method (<c>inheritdoc</c>), and an operation
/// with a query, headers or a body to build has one private builder of its <c>GcoreRequest</c> that both methods send.
/// </summary>
internal static class ClientEmitter
{
    private const string RawClass = ResourceNames.RawClass;
    private const string RawProperty = "WithRawResponse";

    private sealed class Resource
    {
        public Resource(string name, string className)
        {
            Name = name;
            ClassName = className;
        }

        public string Name { get; }

        /// <summary>The path the resource stands for, as the spec spells it (<c>/cdn/origin_groups</c>): the start of its operations' paths.</summary>
        public string Path { get; set; } = "";

        /// <summary>The class holding the operations, as the naming layer decides (<see cref="ResourceNames"/>).</summary>
        public string ClassName { get; }

        public List<Resource> Children { get; } = new();

        public List<OperationDef> Operations { get; } = new();

        /// <summary>A raw twin is emitted for resources with operations, unless a child resource would collide with its names.</summary>
        public bool HasRaw => Operations.Count > 0 && !Children.Any(c => c.ClassName == RawClass || c.Name == RawProperty);
    }

    private enum Flavor
    {
        Value,
        Raw,
    }

    /// <summary>The client source. <paramref name="model"/> carries the operations and the list-envelope types (for paging).</summary>
    public static string Emit(ApiModel model)
    {
        var root = new Resource("", model.Options.ClientName);
        foreach (var operation in model.Operations)
        {
            var node = root;
            var segments = operation.PathTemplate.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries);
            int consumed = 0;
            var classNames = ResourceNames.ClassNames(operation.ResourcePath);
            for (int depth = 0; depth < operation.ResourcePath.Count; depth++)
            {
                string segment = operation.ResourcePath[depth];
                // The resource's path runs to the next segment of the operation's path that is not a parameter.
                while (consumed < segments.Length && segments[consumed].StartsWith("{", System.StringComparison.Ordinal))
                    consumed++;
                consumed = System.Math.Min(consumed + 1, segments.Length);
                var child = node.Children.FirstOrDefault(c => c.Name == segment);
                if (child is null)
                {
                    child = new Resource(segment, classNames[depth]) { Path = "/" + string.Join("/", segments.Take(consumed)) };
                    node.Children.Add(child);
                }

                node = child;
            }

            node.Operations.Add(operation);
        }

        var envelopes = model.Types.Where(t => t.Kind == TypeKind.ListEnvelope).ToDictionary(t => t.Name);
        string ns = model.Options.Namespace;
        string client = model.Options.ClientName;
        string options = GeneratedNames.OptionsType(client);
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            // Every operation's method returns a Task and takes a CancellationToken: imported, many signatures fit on one
            // line. Safe: no generated type takes a name these namespaces hold (ImplicitUsingTypeNames), and inside the
            // namespace block the imports come before the user's own (global) usings and the enclosing namespaces' types.
            // Only type names are shortened: in an expression a simple name finds a resource's property first (a path
            // segment /http-method/ makes one), so HttpMethod.Get stays qualified.
            w.Line("""
                using global::System.Threading;
                using global::System.Threading.Tasks;

                """);
            w.Doc("summary", $"A client for {model.Title}, generated from {System.IO.Path.GetFileName(model.Options.Path)}.");
            w.Line("/// <remarks>Thread-safe: keep one instance for the application's lifetime.</remarks>");
            using (w.Block($"public sealed partial class {client} : global::System.IDisposable"))
            {
                w.Line($$"""
                    /// <summary>The base address used when neither options nor GCORE_BASE_URL give one.</summary>
                    public const string DefaultBaseUrl = {{Identifiers.Literal(model.DefaultBaseUrl)}};

                    private readonly GcoreTransport _transport;

                    /// <summary>A client configured from the environment: GCORE_API_KEY, GCORE_BASE_URL, GCORE_CUSTOM_HEADERS.</summary>
                    public {{client}}()
                        : this(new {{options}}())
                    {
                    }

                    /// <summary>A client configured by <paramref name="options"/>; what they leave unset comes from the environment.</summary>
                    public {{client}}({{options}} options)
                        : this(new GcoreTransport(options, DefaultBaseUrl))
                    {
                    }

                    /// <summary>A client that sends through <paramref name="httpClient"/> (from IHttpClientFactory), whatever <paramref name="options"/> say.</summary>
                    internal {{client}}({{options}} options, global::System.Net.Http.HttpClient httpClient)
                        : this(new GcoreTransport(options, DefaultBaseUrl, httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient))))
                    {
                    }

                    """);
                using (w.Block($"private {client}(GcoreTransport transport)"))
                    EmitConstructorBody(w, root);

                w.Line($$"""

                    /// <summary>Where requests go.</summary>
                    public global::System.Uri BaseUrl => _transport.BaseUrl;

                    /// <summary>
                    /// A view of this client whose calls use other settings (retries, timeout, extra headers); what
                    /// <paramref name="configure"/> leaves unset stays as it is. Cheap: the view shares this client's connections.
                    /// </summary>
                    /// <example><code>var once = client.WithOptions(o => o.MaxRetries = 0);</code></example>
                    public {{client}} WithOptions(global::System.Action<GcoreRequestOptions> configure)
                    {
                        global::System.ArgumentNullException.ThrowIfNull(configure);
                        var options = new GcoreRequestOptions();
                        configure(options);
                        return WithOptions(options);
                    }

                    /// <summary>A view of this client whose calls use <paramref name="options"/> where they set a value.</summary>
                    public {{client}} WithOptions(GcoreRequestOptions options) => new {{client}}(_transport.With(options));

                    /// <summary>
                    /// Sends a call the spec does not list yet, as the generated methods send theirs: API key, headers, retries (a
                    /// POST only when it provably was not carried out), typed errors. <paramref name="path"/> starts with <c>/</c> and
                    /// stays under <see cref="BaseUrl"/>; the response body comes back as it was received.
                    /// </summary>
                    public Task<GcoreResponse> SendAsync(
                        global::System.Net.Http.HttpMethod method,
                        string path,
                        global::System.Text.Json.JsonElement? body = null,
                        global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>>? query = null,
                        CancellationToken cancellationToken = default) =>
                        _transport.SendRawAsync(method, path, body, query, cancellationToken);
                    """);
                EmitChildProperties(w, root);

                w.Line("""

                    /// <summary>Releases nothing the caller owns: a passed-in HttpClient stays open.</summary>
                    public void Dispose() => _transport.Dispose();
                    """);
                EmitOperations(w, ns, root, envelopes);

                foreach (var child in root.Children)
                {
                    w.Line();
                    EmitResource(w, ns, child, envelopes);
                }
            }
        }

        return w.ToString();
    }

    /// <summary>
    /// The DI extension, emitted only when the consumer references Microsoft.Extensions.Http: registers the client as
    /// a typed HttpClient and its options through Microsoft.Extensions.Options.
    /// </summary>
    public static string EmitDependencyInjection(string ns, string client)
    {
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        string options = GeneratedNames.OptionsType(client);
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            w.Line($"""/// <summary>Registers <see cref="{client}"/> with dependency injection, over IHttpClientFactory.</summary>""");
            using (w.Block($"public static partial class {GeneratedNames.ServiceCollectionExtensionsType(client)}"))
            {
                w.Line($$"""
                    /// <summary>
                    /// Registers <see cref="{{client}}"/> as a typed HttpClient (transient; the factory pools the handlers) and
                    /// <see cref="{{options}}"/> as options: <paramref name="configure"/>, or any <c>Configure&lt;{{options}}&gt;</c>,
                    /// sets them. What the options leave unset comes from the environment (GCORE_API_KEY, GCORE_BASE_URL, GCORE_CUSTOM_HEADERS),
                    /// and the client logs to the service provider's ILoggerFactory unless <see cref="{{options}}.LoggerFactory"/> names another.
                    /// </summary>
                    /// <remarks>
                    /// The client retries and times out on its own (<see cref="{{options}}.MaxRetries"/>, <see cref="{{options}}.Timeout"/>); the
                    /// factory's HttpClient gets an infinite Timeout so that the client's per-attempt one rules. Set MaxRetries to 0 when you add
                    /// a resilience handler of your own to the returned builder. <see cref="{{options}}.HttpClient"/> is ignored here. The primary
                    /// handler does not follow redirects: the client follows a same-origin one itself and refuses any other.
                    /// </remarks>
                    /// <returns>The builder of the HttpClient named after the client's full type name, to add message handlers or configure the primary handler.</returns>
                    [{{MarkerAttributes.ClientRegistration}}]
                    public static {{Builder}} Add{{client}}(this {{Services}} services, global::System.Action<{{options}}>? configure = null)
                    {
                        global::System.ArgumentNullException.ThrowIfNull(services);
                        var optionsBuilder = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<{{options}}>(services);
                        if (configure is not null)
                            optionsBuilder.Configure(configure);
                        // The host's logging, unless the options name a logger factory of their own.
                        optionsBuilder.PostConfigure<global::Microsoft.Extensions.Logging.ILoggerFactory>(static (options, loggerFactory) => options.LoggerFactory ??= loggerFactory);
                        var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, {{Identifiers.Literal(ns + "." + client)}});
                        // Redirects are the client's decision (same origin only), never the handler's: a followed one would send the request elsewhere first.
                        global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(
                            builder,
                            static () => new global::System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });
                        global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddTypedClient<{{client}}>(
                            builder,
                            static (global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider provider) =>
                            {
                                httpClient.Timeout = global::System.Threading.Timeout.InfiniteTimeSpan;
                                var options = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{options}}>>(provider).Value;
                                return new {{client}}(options, httpClient);
                            });
                        return builder;
                    }
                    """);
            }
        }

        return w.ToString();
    }

    private static void EmitResource(SourceWriter w, string ns, Resource resource, IReadOnlyDictionary<string, TypeDef> envelopes)
    {
        w.Line($"/// <summary>Operations under <c>{SourceWriter.Xml(resource.Path)}</c>.</summary>");
        // Not sealed, its members virtual: a mocking library (Moq, NSubstitute) can stand in for a resource in a user's test.
        using (w.Block($"public partial class {resource.ClassName}"))
        {
            w.Line("""
                private readonly GcoreTransport _transport;

                """);
            using (w.Block($"internal {resource.ClassName}(GcoreTransport transport)"))
                EmitConstructorBody(w, resource);

            // Without a transport its children and raw twin have none either: every call throws before sending.
            w.Line($$"""

                /// <summary>For a mocking library's subclass: every operation is virtual. An instance made this way sends nothing.</summary>
                protected {{resource.ClassName}}()
                    : this(null!)
                {
                }
                """);
            EmitChildProperties(w, resource, Virtual);
            EmitOperations(w, ns, resource, envelopes, Virtual);

            foreach (var child in resource.Children)
            {
                w.Line();
                EmitResource(w, ns, child, envelopes);
            }
        }
    }

    /// <summary>Keeps the transport and builds the child resources (and the raw twin) over it.</summary>
    private static void EmitConstructorBody(SourceWriter w, Resource resource)
    {
        w.Line("_transport = transport;");
        foreach (var child in resource.Children)
            w.Line($"{child.Name} = new {child.ClassName}(transport);");
        if (resource.HasRaw)
            w.Line($"{RawProperty} = new {RawClass}(this);");
    }

    /// <summary>The modifier of a resource's members, which a mock may override.</summary>
    private const string Virtual = "virtual ";

    /// <summary>One property per child resource.</summary>
    private static void EmitChildProperties(SourceWriter w, Resource resource, string modifier = "")
    {
        foreach (var child in resource.Children)
        {
            w.Line($$"""

                /// <summary>Operations under <c>{{SourceWriter.Xml(child.Path)}}</c>.</summary>
                public {{modifier}}{{child.ClassName}} {{child.Name}} { get; }
                """);
        }
    }

    /// <summary>A resource's operations, their paging helpers, and its <c>WithRawResponse</c> twin.</summary>
    private static void EmitOperations(SourceWriter w, string ns, Resource resource, IReadOnlyDictionary<string, TypeDef> envelopes, string modifier = "")
    {
        var methodNames = new HashSet<string>(resource.Operations.Select(o => o.MethodName + "Async"));
        // The names a request builder must not take: every other member and nested type of the resource.
        var taken = new HashSet<string>(methodNames.Concat(resource.Children.SelectMany(c => new[] { c.Name, c.ClassName })).Concat(new[] { RawClass, RawProperty }));
        var calls = resource.Operations.Select(op => Call.For(ns, op, taken)).ToList();
        foreach (var call in calls)
        {
            var operation = call.Op;
            w.Line();
            EmitOperation(w, ns, call, Flavor.Value, resource.ClassName, modifier);
            if (call.Builder is { } builder)
            {
                // Both methods send what this builds: the query, headers and body are spelled once.
                w.Line();
                using (w.Block(Signature($"private GcoreRequest {builder}", call.BuilderParameters.ToList())))
                    w.Line(call.Prepared.Statements + $"return new GcoreRequest({call.Request});");
            }

            if (Paging.For(operation, envelopes) is { } paging && methodNames.Add(paging.MethodName))
            {
                w.Line();
                EmitListAll(w, ns, operation, paging, modifier);
            }
        }

        if (!resource.HasRaw)
            return;
        w.Line($$"""

            /// <summary>The same operations, returning the response's status code, headers and raw body besides the value (<see cref="GcoreResponse"/>).</summary>
            public {{modifier}}{{RawClass}} {{RawProperty}} { get; }

            /// <summary>The operations of this resource, returning a <see cref="GcoreResponse"/>: the response's status code, headers and raw body besides the value.</summary>
            """);
        using (w.Block($"public sealed partial class {RawClass}"))
        {
            // The owner builds each request (see its private builders) and holds the transport.
            w.Line($"""
                private readonly {resource.ClassName} _owner;

                internal {RawClass}({resource.ClassName} owner) => _owner = owner;
                """);
            foreach (var call in calls)
            {
                w.Line();
                EmitOperation(w, ns, call, Flavor.Raw, resource.ClassName);
            }
        }
    }

    /// <summary>What a paging helper needs: the list operation's limit/offset parameters and the envelope's count.</summary>
    private sealed class Paging
    {
        private Paging(string methodName, TypeDef envelope, ParameterDef limit, PropertyDef count, PropertyDef results, string defaultPageSize)
        {
            MethodName = methodName;
            Envelope = envelope;
            Limit = limit;
            Count = count;
            Results = results;
            DefaultPageSize = defaultPageSize;
        }

        public string MethodName { get; }

        public TypeDef Envelope { get; }

        public ParameterDef Limit { get; }

        public PropertyDef Count { get; }

        public PropertyDef Results { get; }

        public string DefaultPageSize { get; }

        /// <summary>A GET whose response is a list envelope (bare array or <c>{count, results}</c>) that takes integer <c>limit</c> and <c>offset</c>.</summary>
        public static Paging? For(OperationDef op, IReadOnlyDictionary<string, TypeDef> envelopes)
        {
            if (op.HttpMethod != "GET" || op.Response is not { Kind: TypeRefKind.Named, NamedKind: TypeKind.ListEnvelope } response ||
                !envelopes.TryGetValue(response.Name!, out var envelope) || envelope.ItemType is null || envelope.Properties.Count == 0)
                return null;
            static bool Integer(TypeRef type) => type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64;
            var limit = op.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == "limit" && !p.Required && Integer(p.Type));
            var offset = op.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == "offset" && !p.Required && Integer(p.Type));
            var count = envelope.Properties.FirstOrDefault(p => p.JsonName == "count" && Integer(p.Type));
            var results = envelope.Properties[envelope.Properties.Count - 1];
            if (limit is null || offset is null || count is null || results.Type.Kind != TypeRefKind.Array)
                return null;

            // The largest page the spec allows, else 100.
            string pageSize = "100";
            if (limit.Constraints?.Maximum is { } max && long.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= int.MaxValue)
                pageSize = value.ToString(CultureInfo.InvariantCulture);
            return new Paging(op.MethodName + "AllAsync", envelope, limit, count, results, pageSize);
        }
    }

    private static void EmitListAll(SourceWriter w, string ns, OperationDef op, Paging paging, string modifier)
    {
        string item = CSharp.Type(paging.Envelope.ItemType!);
        string offset = op.Parameters.First(p => p.In == ParameterLocation.Query && p.Name == "offset").CsName;
        w.Doc("summary", (op.Summary ?? op.OperationId) + ": every item, page after page.");
        w.Line("/// <remarks>");
        w.Line("/// Sends " + SourceWriter.Xml(op.HttpMethod + " " + op.PathTemplate) + " with <c>limit</c> and <c>offset</c>, moving <c>offset</c> on until the");
        w.Line("/// envelope's <c>count</c> is reached, a page comes back empty or repeats the previous one, or <see cref=\"GcorePaging.MaxPages\"/>");
        w.Line("/// pages were read. When the server responds with a bare array, that array is the whole list: it is yielded once.");
        w.Line($"/// <para><c>{paging.Limit.CsName}</c> is the page size (default {paging.DefaultPageSize}); <c>{offset}</c> is where the walk starts (default 0). Cancelling stops the walk.</para>");
        w.Line("/// </remarks>");
        // The parameters mean what they mean on the list method (each page is one call of it); no param tag of its own, so none is missing.
        w.Line($"/// <inheritdoc cref=\"{op.MethodName}Async\" path=\"/*/param\"/>");
        w.Line("/// <exception cref=\"GcoreApiException\">The response to a page has an error status code; the subclass tells which.</exception>");
        w.Line("/// <exception cref=\"GcoreConnectionException\">The server could not be reached, or an attempt timed out.</exception>");
        w.Line("[global::" + ns + "." + MarkerAttributes.Operation + "(" + Identifiers.Literal(op.OperationId) + ")]");
        if (op.Deprecated is { } deprecated)
            w.Line(CSharp.Obsolete(deprecated));
        static string Narrowed(ParameterDef p, string value) => p.Type.Kind == TypeRefKind.Int32 ? "checked((int)" + value + ")" : value;
        var call = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
            call.Add(p.CsName + ": " + p.CsName);
        foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path))
            call.Add(p.CsName + ": " + (p == paging.Limit ? Narrowed(p, "pageLimit") : p.CsName == offset ? Narrowed(p, "pageOffset") : p.CsName));
        call.Add("cancellationToken: pageToken");
        w.Line(Signature($"public {modifier}global::System.Collections.Generic.IAsyncEnumerable<{item}> {paging.MethodName}", Arguments(ns, op)) + " =>");
        w.Line("    GcorePaging.ListAllAsync<" + CSharp.Type(op.Response!) + ", " + item + ">(");
        w.Line("        " + offset + " ?? 0,");
        w.Line("        " + paging.Limit.CsName + " ?? " + paging.DefaultPageSize + ",");
        w.Line("        (pageLimit, pageOffset, pageToken) => " + op.MethodName + "Async(" + string.Join(", ", call) + "),");
        w.Line("        static page => (page." + paging.Results.Name + ", page." + GeneratedNames.IsPaginated + ", page." + paging.Count.Name + "),");
        w.Line("        static (writer, page) => page." + GeneratedNames.WriteJson + "(writer),");
        w.Line("        cancellationToken);");
    }

    /// <summary>A method's header: on one line when it is short, else one parameter a line.</summary>
    private static string Signature(string head, IReadOnlyList<string> args)
    {
        string oneLine = $"{head}({string.Join(", ", args)})";
        return oneLine.Length <= 120 ? oneLine : $"{head}(\n    {string.Join(",\n    ", args)})";
    }

    /// <summary>
    /// The parameter list: path parameters, body, required then optional query/header parameters, the token. Without
    /// <paramref name="ns"/>, a request builder's: no markers, no defaults, no token.
    /// </summary>
    private static List<string> Arguments(string? ns, OperationDef op)
    {
        var args = new List<string>();
        string? Marker(ParameterDef p) => ns is null ? null : CSharp.ParameterAttribute(ns, p);
        foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
            args.Add($"{Marker(p)}{CSharp.Type(p.Type)} {p.CsName}");
        if (op.RequestBody is { } body)
            args.Add(op.RequestBodyRequired ? $"{CSharp.Type(body)} body" : $"{CSharp.Type(body)}? body{(ns is null ? "" : " = null")}");
        foreach (var p in Ordered(op).Where(p => p.In != ParameterLocation.Path))
            args.Add(p.Required ? $"{Marker(p)}{CSharp.Type(p.Type)} {p.CsName}" : $"{Marker(p)}{CSharp.Nullable(p.Type)} {p.CsName}{(ns is null ? "" : " = null")}");
        if (ns is not null)
            args.Add("CancellationToken cancellationToken = default");
        return args;
    }

    /// <summary>The parameters in the order of the method's signature: required ones first.</summary>
    private static IEnumerable<ParameterDef> Ordered(OperationDef op) =>
        op.Parameters.Where(p => p.Required).Concat(op.Parameters.Where(p => !p.Required));

    private static void EmitOperation(SourceWriter w, string ns, Call call, Flavor flavor, string owner, string modifier = "")
    {
        var op = call.Op;
        if (flavor == Flavor.Raw)
        {
            // The twin's docs are the value method's, but for what it returns.
            string cref = $"{owner}.{op.MethodName}Async";
            w.Line(op.ResponseKind == ResponseKind.Text
                ? $"/// <inheritdoc cref=\"{cref}\" path=\"/*/node()[not(self::returns)]\"/>"
                : $"/// <inheritdoc cref=\"{cref}\"/>");
            if (op.ResponseKind != ResponseKind.Binary)
                w.Line($"/// <returns>The response's status code, headers and raw body{(op.Response is null && op.ResponseKind != ResponseKind.Text ? "" : ", with the value read from it")}.</returns>");
        }
        else
        {
            EmitDocs(w, op);
        }

        w.Line($"[global::{ns}.{MarkerAttributes.Operation}({Identifiers.Literal(op.OperationId)})]");
        if (op.Deprecated is { } deprecated)
            w.Line(CSharp.Obsolete(deprecated));

        string? result = (op.ResponseKind, flavor) switch
        {
            (ResponseKind.Binary, _) => "GcoreDownload",
            (ResponseKind.Text, Flavor.Raw) => "GcoreResponse<string>",
            (ResponseKind.Text, _) => "string",
            (_, Flavor.Raw) => op.Response is null ? "GcoreResponse" : $"GcoreResponse<{CSharp.Type(op.Response)}>",
            _ => op.Response is null ? null : CSharp.Type(op.Response),
        };
        string returns = result is null ? "Task" : $"Task<{result}>";
        string signature = Signature($"public {modifier}{returns} {op.MethodName}Async", Arguments(ns, op));
        // The raw twin reaches the transport and the request builder through the resource that owns it.
        string self = flavor == Flavor.Raw ? "_owner." : "";
        var prepared = call.Builder is null ? Prepared.For(ns, op, self + "_transport") : null;
        if (prepared is { Statements.Length: > 0 })
        {
            using (w.Block(signature))
                w.Line(prepared.Statements + "return " + prepared.Send(ns, flavor) + ";");
            return;
        }

        w.Line(signature + " =>");
        w.Line("    " + (prepared?.Send(ns, flavor) ?? call.Send(ns, flavor, self)) + ";");
    }

    /// <summary>The value method's docs: summary, remarks (description, then what is sent), parameters, returns, exceptions.</summary>
    private static void EmitDocs(SourceWriter w, OperationDef op)
    {
        w.Doc("summary", op.Summary ?? op.Description ?? op.OperationId);
        // One remarks: the description (where the summary is not already it), then what is sent.
        string sends = $"{SourceWriter.Xml($"{op.HttpMethod} {op.PathTemplate}")} (<c>{SourceWriter.Xml(op.OperationId)}</c>).";
        if (op.Summary is not null && op.Description is not null && op.Description != op.Summary)
        {
            w.Line("/// <remarks>");
            w.DocLines(op.Description);
            w.Line($"""
                /// <para>{sends}</para>
                /// </remarks>
                """);
        }
        else
        {
            w.Line($"/// <remarks>{sends}</remarks>");
        }

        foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
            w.Param(p.CsName, p.Summary ?? p.Name);
        if (op.BodyKind == BodyKind.Binary)
            w.Line($"/// <param name=\"body\">The file to send as the body ({SourceWriter.Xml(op.BodyMediaType ?? "")}): a stream (read as it is sent, never buffered whole) or bytes.</param>");
        else if (op.RequestBody is not null)
            w.Line("""/// <param name="body">The request body.</param>""");
        foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path))
            w.Param(p.CsName, p.Summary ?? p.Name);
        w.Line("""/// <param name="cancellationToken">Cancels the request, and any retry waiting to be sent.</param>""");
        if (op.ResponseKind == ResponseKind.Binary)
            w.Line("/// <returns>The downloaded body as a stream, read as it arrives; dispose it to release the connection.</returns>");
        else if (op.ResponseKind == ResponseKind.Text)
            w.Line("/// <returns>The response's text.</returns>");
        w.Line("""
            /// <exception cref="GcoreApiException">The response has an error status code; the subclass tells which.</exception>
            /// <exception cref="GcoreConnectionException">The server could not be reached, or an attempt timed out.</exception>
            """);
    }

    /// <summary>
    /// One operation as its two methods send it. Where it has a query, headers or a body to build, a private builder
    /// on the resource builds the <c>GcoreRequest</c> once for both; else each method is one transport call.
    /// </summary>
    private sealed class Call
    {
        private Call(OperationDef op, string? builder, Prepared prepared)
        {
            Op = op;
            Builder = builder;
            Prepared = prepared;
        }

        public OperationDef Op { get; }

        /// <summary>The name of the private method that builds the request, or null when there is nothing to build.</summary>
        public string? Builder { get; }

        /// <summary>What the builder runs (as the value method would, on its own transport).</summary>
        public Prepared Prepared { get; }

        /// <summary>The builder's parameters: the method's own, without their defaults, markers and the token.</summary>
        public IEnumerable<string> BuilderParameters => Arguments(null, Op);

        public static Call For(string ns, OperationDef op, ISet<string> taken)
        {
            var prepared = Prepared.For(ns, op, "_transport");
            string name = op.MethodName + "Request";
            // A name the resource already uses keeps the statements in both methods.
            bool build = prepared.Statements.Length > 0 && !taken.Contains(name);
            return new Call(op, build ? name : null, prepared);
        }

        /// <summary>The transport call of one flavor, over the builder's request.</summary>
        public string Send(string ns, Flavor flavor, string self)
        {
            string names = string.Join(", ", Op.Parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.CsName)
                .Concat(Op.RequestBody is null ? Enumerable.Empty<string>() : new[] { "body" })
                .Concat(Ordered(Op).Where(p => p.In != ParameterLocation.Path).Select(p => p.CsName)));
            return $"{self}_transport.{Prepared.Method(flavor)}({self}{Builder}({names}), {(Prepared.Read(ns) is { } read ? read + ", " : "")}cancellationToken)";
        }

        public string Request => Prepared.Request;
    }

    /// <summary>What an operation's method runs before it sends (argument checks, query, headers, form, body writer) and how it sends.</summary>
    private sealed class Prepared
    {
        private readonly OperationDef _op;
        private readonly string _transport;
        private readonly string _query;
        private readonly string _headers;
        private readonly string _content;
        private readonly string? _writeBody;
        private readonly bool _plainJson;

        private Prepared(OperationDef op, string transport, string statements, string query, string headers, string content, string? writeBody, bool plainJson)
        {
            _op = op;
            _transport = transport;
            Statements = statements;
            _query = query;
            _headers = headers;
            _content = content;
            _writeBody = writeBody;
            _plainJson = plainJson;
        }

        /// <summary>The statements, each line ending with a line break; empty when there are none.</summary>
        public string Statements { get; }

        public static Prepared For(string ns, OperationDef op, string transport)
        {
            var w = new SourceWriter();
            var query = op.Parameters.Where(p => p.In == ParameterLocation.Query).ToList();
            var headers = op.Parameters.Where(p => p.In == ParameterLocation.Header).ToList();
            bool hasHeaders = headers.Count > 0 || op.ResponseMediaType is not null;
            var form = op.Parameters.Where(p => p.In == ParameterLocation.Form).ToList();
            // A required body is checked first: by a statement where others follow, else where the call first reads it.
            string body = "body";
            if (op.RequestBody is not null && op.RequestBodyRequired && !op.RequestBody.IsValueType)
            {
                if (query.Count > 0 || hasHeaders || form.Count > 0 || WritesLocally(op))
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
                else
                    body = "body ?? throw new global::System.ArgumentNullException(nameof(body))";
            }

            if (query.Count > 0)
            {
                w.Line("var query = new GcoreQuery();");
                foreach (var p in query)
                    w.Line($"query.{(p.Type.Kind == TypeRefKind.Array && !p.Explode ? "AddJoined" : "Add")}({Identifiers.Literal(p.Name)}, {QueryValue(p)});");
            }

            // Per-call headers: the media types a text or binary response may have, then the header parameters.
            if (hasHeaders)
            {
                w.Line("var headers = new GcoreHeaders();");
                if (op.ResponseMediaType is { } accept)
                    w.Line($"headers.Add(\"Accept\", {Identifiers.Literal(accept)});");
                foreach (var p in headers)
                    w.Line($"headers.Add({Identifiers.Literal(p.Name)}, {QueryValue(p)});");
            }

            if (form.Count > 0)
            {
                w.Line("var form = new GcoreForm();");
                foreach (var p in form)
                    EmitFormField(w, p);
            }

            string? writeBody = WriteBody(w, op, transport, body == "body" ? body : $"({body})");
            string optional = op.RequestBodyRequired ? "" : "body is null ? null : ";
            string content = op.BodyKind switch
            {
                BodyKind.Json => writeBody == "write" ? "write is null ? null : GcoreContent.Json(write)" : $"{optional}GcoreContent.Json({writeBody!.Replace("body is null ? null : ", "")})",
                BodyKind.Binary => $"{optional}GcoreContent.Binary({body}, {Identifiers.Literal(op.BodyMediaType ?? "application/octet-stream")})",
                BodyKind.Form => "GcoreContent.Form(form)",
                BodyKind.Multipart => "GcoreContent.Multipart(form)",
                _ => "null",
            };
            bool plainJson = !hasHeaders && op.BodyKind is BodyKind.None or BodyKind.Json && op.ResponseKind is ResponseKind.None or ResponseKind.Json;
            return new Prepared(op, transport, w.ToString(), query.Count > 0 ? "query" : "null", hasHeaders ? "headers" : "null", content, writeBody, plainJson);
        }

        /// <summary>The arguments of the request a builder returns.</summary>
        public string Request =>
            $"{HttpMethod(_op)}, {PathExpression(_op)}, {_query}, {_headers}, {_content}, {Identifiers.Literal(_op.OperationId)}, {Identifiers.Literal(_op.PathTemplate)}";

        /// <summary>The transport method of one flavor.</summary>
        public string Method(Flavor flavor)
        {
            bool raw = flavor == Flavor.Raw;
            return _op.ResponseKind switch
            {
                ResponseKind.Binary => "SendForDownloadAsync",
                ResponseKind.Text => raw ? "SendForTextWithResponseAsync" : "SendForTextAsync",
                _ => (raw ? "SendWithResponseAsync" : "SendAsync") + (_op.Response is { } response ? $"<{CSharp.Type(response)}>" : ""),
            };
        }

        /// <summary>The JSON reader of the response, when it is read as JSON.</summary>
        public string? Read(string ns) =>
            _op.ResponseKind is ResponseKind.Binary or ResponseKind.Text || _op.Response is not { } response ? null : Reader(ns, response);

        /// <summary>The transport call, inline: the common case keeps the short overload (JSON in or nothing, JSON out or nothing).</summary>
        public string Send(string ns, Flavor flavor)
        {
            // The operation id and path template name the call in logs, spans and metrics.
            string described = $"cancellationToken, {Identifiers.Literal(_op.OperationId)}, {Identifiers.Literal(_op.PathTemplate)}";
            string read = Read(ns) is { } reader ? reader + ", " : "";
            string common = _plainJson
                ? $"{HttpMethod(_op)}, {PathExpression(_op)}, {_query}, {_writeBody ?? "null"}"
                : $"{HttpMethod(_op)}, {PathExpression(_op)}, {_query}, {_headers}, {_content}";
            return $"{_transport}.{Method(flavor)}({common}, {read}{described})";
        }
    }

    private static string HttpMethod(OperationDef op) => op.HttpMethod switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => $"new global::System.Net.Http.HttpMethod({Identifiers.Literal(op.HttpMethod)})",
    };

    /// <summary>
    /// The JSON body's writer: <c>body.WriteJson</c> for a generated type; for any other type (a list, a map, a string)
    /// a local <c>write</c> declared here. Null when the operation sends no JSON. <paramref name="checkedBody"/> spells the
    /// first read of the body (with its null check, where no statement made it).
    /// </summary>
    private static string? WriteBody(SourceWriter w, OperationDef op, string transport, string checkedBody)
    {
        if (op.BodyKind != BodyKind.Json || op.RequestBody is not { } body)
            return null;
        if (!WritesLocally(op))
        {
            // Checked: with ValidateRequests on, a body that breaks Gcore's rules throws before anything is sent.
            string write = ValidationEmitter.HasValidate(body)
                ? $"{transport}.Checked({checkedBody}.{GeneratedNames.Validate}, body.{GeneratedNames.WriteJson})"
                : $"{checkedBody}.{GeneratedNames.WriteJson}";
            return op.RequestBodyRequired ? write : "body is null ? null : " + write;
        }
        string value = "body";
        if (op.RequestBodyRequired)
        {
            w.Line("global::System.Action<global::System.Text.Json.Utf8JsonWriter>? write = writer =>");
        }
        else
        {
            value = "bodyValue";
            w.Line("global::System.Action<global::System.Text.Json.Utf8JsonWriter>? write = body is not { } bodyValue ? null : writer =>");
        }

        w.Line("{");
        w.Indent();
        ValueJsonEmitter.WriteValue(w, body, value, "writer", 0);
        w.Outdent();
        w.Line("};");
        return "write";
    }

    /// <summary>Whether a JSON body is written by a local <c>write</c> (a list, a map, a string), not by a generated type's own <c>WriteJson</c>.</summary>
    private static bool WritesLocally(OperationDef op) =>
        op.BodyKind == BodyKind.Json && op.RequestBody is { } body && !(body.Kind == TypeRefKind.Named && body.NamedKind != TypeKind.Enum);

    /// <summary>One field of a form: text for scalars and lists of them, a file part for files, JSON text for anything else.</summary>
    private static void EmitFormField(SourceWriter w, ParameterDef p)
    {
        var type = p.Type.Kind == TypeRefKind.Array ? p.Type.Element! : p.Type;
        bool text = type.Kind is TypeRefKind.String or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
            or TypeRefKind.Decimal or TypeRefKind.Guid or TypeRefKind.DateTimeOffset or TypeRefKind.File
            || (type.Kind == TypeRefKind.Named && type.NamedKind == TypeKind.Enum);
        if (text)
        {
            w.Line($"form.Add({Identifiers.Literal(p.Name)}, {QueryValue(p)});");
            return;
        }

        string value = p.CsName + "Value";
        w.Line($"if ({p.CsName} is {{ }} {value})");
        w.Line("{");
        w.Indent();
        w.Line($"form.AddJson({Identifiers.Literal(p.Name)}, writer =>");
        w.Line("{");
        w.Indent();
        ValueJsonEmitter.WriteValue(w, p.Type, value, "writer", 0);
        w.Outdent();
        w.Line("});");
        w.Outdent();
        w.Line("}");
    }

    private static string Reader(string ns, TypeRef type)
    {
        if (type.Kind == TypeRefKind.Named)
            return $"global::{ns}.{type.Name}.{GeneratedNames.ReadJson}";
        return $"static (ref global::System.Text.Json.Utf8JsonReader reader) => {ValueJsonEmitter.ReadNotNull(ns, type, "reader", 1, "The response")}";
    }

    private static string QueryValue(ParameterDef p)
    {
        if (p.Type.Kind == TypeRefKind.Named && p.Type.NamedKind == TypeKind.Enum)
            return p.Required ? $"{p.CsName}.Value" : $"{p.CsName}?.Value";
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
                ? $"{parameter.CsName}.Value"
                : parameter.CsName;
            parts.Add($"GcoreTransport.PathValue({value})");
            i = close + 1;
        }

        return parts.Count == 0 ? Identifiers.Literal("/") : string.Join(" + ", parts);
    }
}
