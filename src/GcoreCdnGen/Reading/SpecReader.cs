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
using Microsoft.OpenApi.Reader;

namespace GcoreCdnGen.Reading
{
    /// <summary>Reads one OpenAPI document (3.0 or 3.1, YAML or JSON) into our own model. Never throws for bad input.</summary>
    public static class SpecReader
    {
        public static Model.ReadResult Read(string text, SpecOptions options, CancellationToken cancellationToken)
        {
            var state = new ReaderState(text, options, cancellationToken);
            try
            {
                return state.Run();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Our own bug or a construct nobody foresaw: report it at the top of the spec rather than crash the compiler.
                state.Report(SpecDiagnosticKind.UnreadableDocument, null,
                    "GcoreCdnGen failed on it with " + ex.GetType().Name + ": " + ex.Message);
                return new Model.ReadResult(null, state.Diagnostics.ToEquatableArray());
            }
        }
    }

    internal sealed partial class ReaderState
    {
        private readonly string _text;
        private readonly SpecOptions _options;
        private readonly CancellationToken _ct;
        private SourceMap? _sourceMap;
        private OpenApiDocument? _document;

        private readonly NameScope _typeNames;
        private readonly Dictionary<string, TypeBuilder> _componentTypes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
        private readonly List<TypeBuilder> _types = new();

        public List<SpecDiagnostic> Diagnostics { get; } = new();

        public ReaderState(string text, SpecOptions options, CancellationToken ct)
        {
            _text = text;
            _options = options;
            _ct = ct;
            _typeNames = new NameScope(RuntimeSources.TypeNamesFor(options.ClientName)
                .Concat(new[] { options.ClientName, GeneratedNames.ServiceCollectionExtensionsType(options.ClientName) }).ToArray());
        }

        public void Report(SpecDiagnosticKind kind, string? pointer, string message)
        {
            _sourceMap ??= SourceMap.Build(_text);
            var (line, column) = _sourceMap.Locate(pointer);
            Diagnostics.Add(new SpecDiagnostic(kind, _options.Path, line, column, message));
        }

        private void ReportAt(SpecDiagnosticKind kind, int line, int column, string message) =>
            Diagnostics.Add(new SpecDiagnostic(kind, _options.Path, line, column, message));

        public Model.ReadResult Run()
        {
            if (string.IsNullOrWhiteSpace(_text))
            {
                ReportAt(SpecDiagnosticKind.UnreadableDocument, 1, 1, "the file is empty");
                return Done(null);
            }

            if (!TryParse())
                return Done(null);

            var document = _document!;
            if (document.Paths is null || document.Paths.Count == 0)
            {
                Report(SpecDiagnosticKind.NoOperations, "#/paths", "the document has no 'paths'");
                return Done(null);
            }

            ClaimComponentNames(document);
            var operations = ReadOperations(document);
            ReportReaderErrors(operations);
            if (operations.Count == 0)
            {
                string filter = _options.Tags.Count > 0 || _options.PathPrefixes.Count > 0
                    ? " with Tags '" + string.Join(";", _options.Tags) + "' and Paths '" + string.Join(";", _options.PathPrefixes) + "'"
                    : "";
                Report(SpecDiagnosticKind.NoOperations, "#/paths", "no operation of the document was selected" + filter);
            }

            string baseUrl = document.Servers?.FirstOrDefault()?.Url ?? "https://api.gcore.com";
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
                baseUrl = "https://api.gcore.com";
            var model = new ApiModel(
                _options,
                document.Info?.Title ?? "API",
                baseUrl,
                Freeze(operations),
                operations.ToEquatableArray());
            return Done(model);
        }

        private readonly List<OpenApiError> _readerErrors = new();

        /// <summary>The reader's own complaints, except those about paths the OpenApiSpec item does not select.</summary>
        private void ReportReaderErrors(List<OperationDef> operations)
        {
            var selectedPaths = new HashSet<string>(operations.Select(o => "#/paths/" + Escape(o.PathTemplate)), StringComparer.Ordinal);
            foreach (var error in _readerErrors)
            {
                string pointer = error.Pointer ?? "";
                if (pointer.StartsWith("#/paths/", StringComparison.Ordinal) &&
                    !selectedPaths.Any(p => pointer == p || pointer.StartsWith(p + "/", StringComparison.Ordinal)))
                    continue;

                // Two paths that differ only in a parameter's name (Gcore's /cdn/resources/{id} and {res_id}) are kept
                // apart by their methods' names; GCDN104 reports it when that is not enough.
                if (error.Message.IndexOf("MUST be unique", StringComparison.Ordinal) >= 0 && error.Message.IndexOf("path signature", StringComparison.Ordinal) >= 0)
                    continue;
                Report(SpecDiagnosticKind.ReaderError, error.Pointer, error.Message);
            }
        }

        private Model.ReadResult Done(ApiModel? model) => new(model, Diagnostics.ToEquatableArray());

        private bool TryParse()
        {
            var settings = new OpenApiReaderSettings();
            settings.AddYamlReader();
            string trimmed = _text.TrimStart();
            string format = trimmed.StartsWith("{", StringComparison.Ordinal) ? "json" : "yaml";
            Microsoft.OpenApi.Reader.ReadResult result;
            try
            {
                result = OpenApiDocument.Parse(_text, format, settings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReportUnreadable(ex);
                return false;
            }

            _ct.ThrowIfCancellationRequested();
            if (result.Document is not null)
                _readerErrors.AddRange(result.Diagnostic?.Errors ?? (IList<OpenApiError>)Array.Empty<OpenApiError>());

            if (result.Document is null)
            {
                var first = result.Diagnostic?.Errors?.FirstOrDefault();
                ReportUnreadable(first is null ? null : new FormatException(first.Message), first?.Pointer);
                return false;
            }

            _document = result.Document;
            if (result.Diagnostic?.SpecificationVersion is { } version &&
                version != OpenApiSpecVersion.OpenApi3_0 && version != OpenApiSpecVersion.OpenApi3_1)
            {
                Report(SpecDiagnosticKind.UnsupportedConstruct, "#/openapi",
                    "OpenAPI version " + version + " is not supported; GcoreCdnGen reads OpenAPI 3.0 and 3.1 documents");
                return false;
            }

            return true;
        }

        private void ReportUnreadable(Exception? ex, string? pointer = null)
        {
            // Find the YAML syntax error ourselves: the OpenAPI reader loses its position.
            try
            {
                var parser = SharpYaml.Parser.CreateParser(new System.IO.StringReader(_text));
                while (parser.MoveNext()) { }
            }
            catch (SharpYaml.YamlException yaml)
            {
                ReportAt(SpecDiagnosticKind.UnreadableDocument, yaml.Start.Line + 1, yaml.Start.Column + 1,
                    "it is not valid YAML or JSON: " + FirstLine(yaml.Message));
                return;
            }
            catch (Exception)
            {
                // fall through to the reader's own message
            }

            string message = ex is null ? "unknown error" : FirstLine(ex.Message);
            Report(SpecDiagnosticKind.UnreadableDocument, pointer, message);
        }

        private static string FirstLine(string message)
        {
            int nl = message.IndexOfAny(new[] { '\r', '\n' });
            return nl < 0 ? message : message.Substring(0, nl);
        }

        /// <summary>Component names are claimed first, in document order, so they never depend on which operations are selected.</summary>
        private void ClaimComponentNames(OpenApiDocument document)
        {
            var schemas = document.Components?.Schemas;
            if (schemas is null)
                return;
            foreach (var pair in schemas)
            {
                if (pair.Value is null || IsTrivial(pair.Value))
                    continue;
                _componentNames[pair.Key] = _typeNames.Claim(Identifiers.Pascal(pair.Key));
            }
        }

        internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

        internal static string ComponentPointer(string id) => "#/components/schemas/" + Escape(id);
    }
}
