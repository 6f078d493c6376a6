using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GcoreCdnGen.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace GcoreCdnGen.Reading;

/// <summary>Reads one OpenAPI document (3.0 or 3.1, YAML or JSON) into our own model. Never throws for bad input.</summary>
public static class SpecReader
{
    /// <summary>Reads an OpenApiSpec item: only its option errors when its metadata is invalid, else its document.</summary>
    public static Model.ReadResult Read(SpecInput input, CancellationToken cancellationToken) =>
        input.OptionErrors.Count > 0
            ? new Model.ReadResult { Model = null, Diagnostics = input.OptionErrors }
            : Read(input.Text, input.Options, cancellationToken);

    public static Model.ReadResult Read(string text, SpecOptions options, CancellationToken cancellationToken)
    {
        var reporter = new DiagnosticReporter(text, options.Path);
        try
        {
            return new DocumentReader(text, options, reporter, cancellationToken).Run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Our own bug or a construct nobody foresaw: report it at the top of the spec rather than crash the compiler.
            reporter.Report(SpecDiagnosticKind.UnreadableDocument, null,
                "GcoreCdnGen failed on it with " + ex.GetType().Name + ": " + DocumentReader.Reason(ex.Message));
            return new Model.ReadResult { Model = null, Diagnostics = reporter.Diagnostics.ToEquatableArray() };
        }
    }
}

/// <summary>
/// The reading steps in order: parse the text, claim component names, read the operations (which read the schemas
/// they use), then freeze the types into the model.
/// </summary>
internal sealed class DocumentReader
{
    private readonly string _text;
    private readonly SpecOptions _options;
    private readonly DiagnosticReporter _reporter;
    private readonly CancellationToken _ct;
    private readonly SchemaReader _schemas;
    private readonly OperationReader _operations;
    private OpenApiDocument? _document;

    public DocumentReader(string text, SpecOptions options, DiagnosticReporter reporter, CancellationToken ct)
    {
        _text = text;
        _options = options;
        _reporter = reporter;
        _ct = ct;
        _schemas = new SchemaReader(options, reporter, ct);
        _operations = new OperationReader(options, _schemas, reporter, ct);
    }

    public Model.ReadResult Run()
    {
        if (string.IsNullOrWhiteSpace(_text))
        {
            _reporter.ReportAt(SpecDiagnosticKind.UnreadableDocument, 1, 1, "the file is empty");
            return Done(null);
        }

        if (!TryParse())
            return Done(null);

        var document = _document!;
        if (document.Paths is null || document.Paths.Count == 0)
        {
            _reporter.Report(SpecDiagnosticKind.NoOperations, "#/paths", "the document has no 'paths'");
            return Done(null);
        }

        _schemas.Prepare(document);
        var operations = _operations.ReadOperations(document);
        ReportReaderErrors(operations);
        if (operations.Count == 0)
        {
            string filter = _options.Tags.Count > 0 || _options.PathPrefixes.Count > 0
                ? " with Tags '" + string.Join(";", _options.Tags) + "' and Paths '" + string.Join(";", _options.PathPrefixes) + "'"
                : "";
            _reporter.Report(SpecDiagnosticKind.NoOperations, "#/paths", "no operation of the document was selected" + filter);
        }

        string baseUrl = document.Servers?.FirstOrDefault()?.Url ?? "https://api.gcore.com";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            baseUrl = "https://api.gcore.com";
        var (types, named) = TypeFreezer.Freeze(_schemas.Types, operations, _options);
        var model = new ApiModel
        {
            Options = _options,
            Title = document.Info?.Title ?? "API",
            DefaultBaseUrl = baseUrl,
            Types = types,
            Operations = named.ToEquatableArray(),
        };
        return Done(model);
    }

    private readonly List<OpenApiError> _readerErrors = new();

    /// <summary>The reader's own complaints, except those about paths the OpenApiSpec item does not select.</summary>
    private void ReportReaderErrors(List<OperationDef> operations)
    {
        var selectedPaths = new HashSet<string>(operations.Select(o => "#/paths/" + JsonPointers.Escape(o.PathTemplate)), StringComparer.Ordinal);
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
            _reporter.Report(SpecDiagnosticKind.ReaderError, error.Pointer, error.Message);
        }
    }

    private Model.ReadResult Done(ApiModel? model) => new() { Model = model, Diagnostics = _reporter.Diagnostics.ToEquatableArray() };

    private bool TryParse()
    {
        var settings = new OpenApiReaderSettings();
        Microsoft.OpenApi.Reader.ReadResult result;
        try
        {
            result = Read(settings);
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
            bool swagger = version == OpenApiSpecVersion.OpenApi2_0;
            _reporter.Report(SpecDiagnosticKind.UnreadableDocument, swagger ? "#/swagger" : "#/openapi",
                (swagger ? "it is a Swagger (OpenAPI 2.0) document" : "OpenAPI version " + version + " is not supported") +
                "; GcoreCdnGen reads OpenAPI 3.0 and 3.1 documents: convert it to OpenAPI 3 first");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The reader's result. YAML is read into its tree by <see cref="YamlTree"/>, with the workarounds made on the
    /// way; JSON text gets them as text edits, then the reader parses it.
    /// </summary>
    private Microsoft.OpenApi.Reader.ReadResult Read(OpenApiReaderSettings settings)
    {
        if (_text.TrimStart().StartsWith("{", StringComparison.Ordinal))
            return OpenApiDocument.Parse(ReaderWorkarounds.Apply(_text), "json", settings);
        var tree = YamlTree.Read(_text, _ct);
        _ct.ThrowIfCancellationRequested();
        return Microsoft.OpenApi.YamlReader.OpenApiYamlReader.Read(tree, new Uri(OpenApiConstants.BaseRegistryUri), settings);
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
            _reporter.ReportAt(SpecDiagnosticKind.UnreadableDocument, yaml.Start.Line + 1, yaml.Start.Column + 1,
                "it is not valid YAML or JSON: " + Reason(yaml.Message));
            return;
        }
        catch (Exception)
        {
            // fall through to the reader's own message
        }

        _reporter.Report(SpecDiagnosticKind.UnreadableDocument, pointer, Reason(ex?.Message));
    }

    /// <summary>A reader's message on one line (at most 500 characters), or a plain statement that it gave none.</summary>
    internal static string Reason(string? message)
    {
        string line = string.Join(" ", (message ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Trim(':', '.', ' ', '-').Length == 0)
            return "the OpenAPI reader gave no reason";
        return line.Length <= 500 ? line : line.Substring(0, 500) + "...";
    }
}
