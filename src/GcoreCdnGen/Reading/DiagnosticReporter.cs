using System.Collections.Generic;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>Collects the problems found while reading one spec, each located by line and column in its text.</summary>
internal sealed class DiagnosticReporter
{
    private readonly string _text;
    private readonly string _path;
    private SourceMap? _sourceMap;

    public DiagnosticReporter(string text, string path)
    {
        _text = text;
        _path = path;
    }

    public List<SpecDiagnostic> Diagnostics { get; } = new();

    /// <summary>Reports a problem at the place a JSON pointer names (the top of the file when it is not found).</summary>
    public void Report(SpecDiagnosticKind kind, string? pointer, string message)
    {
        _sourceMap ??= SourceMap.Build(_text);
        var (line, column) = _sourceMap.Locate(pointer);
        ReportAt(kind, line, column, message);
    }

    public void ReportAt(SpecDiagnosticKind kind, int line, int column, string message) =>
        Diagnostics.Add(new SpecDiagnostic { Kind = kind, FilePath = _path, Line = line, Column = column, Message = message });
}
