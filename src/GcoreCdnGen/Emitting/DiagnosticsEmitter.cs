using System.Collections.Generic;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// The generated halves of the runtime's diagnostics: the bridge to <c>ILogger</c> (only where the consumer references
/// Microsoft.Extensions.Logging.Abstractions, so that the runtime itself needs no logging package), and the JSON names
/// of the spec's secret fields, which log and error redaction take out.
/// </summary>
internal static class DiagnosticsEmitter
{
    /// <summary>
    /// A <c>LoggerFactory</c> option on the client's options, and the sink that writes the runtime's log entries to
    /// the logger it creates (category: the client's full type name).
    /// </summary>
    public static string EmitLogging(string ns, string client)
    {
        const string Logging = "global::Microsoft.Extensions.Logging";
        string options = GeneratedNames.OptionsType(client);
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            using (w.Block($"public sealed partial class {options}"))
            {
                w.Line($$"""
                    /// <summary>
                    /// Where the client logs: one Information entry per call, and Debug entries for each attempt and each
                    /// wait before a retry (and the bodies, with <see cref="LogBodies"/>). <c>AddGcoreClient</c> sets it from
                    /// the service provider when left null. Default: null, and then <c>GCORE_LOG=info|debug</c> writes to standard error.
                    /// </summary>
                    public {{Logging}}.ILoggerFactory? LoggerFactory { get; set; }

                    partial void CreateLoggerSink(ref GcoreLogSink? sink)
                    {
                        if (LoggerFactory is { } factory)
                            sink = new LoggerSink(factory.CreateLogger({{Identifiers.Literal(ns + "." + client)}}));
                    }

                    /// <summary>Hands the runtime's entries to an ILogger, values by name for structured logging.</summary>
                    private sealed class LoggerSink : GcoreLogSink
                    {
                        private readonly {{Logging}}.ILogger _logger;

                        public LoggerSink({{Logging}}.ILogger logger) => _logger = logger;

                        public override bool IsEnabled(GcoreLogLevel level) => _logger.IsEnabled(Level(level));

                        public override void Write(GcoreLogLevel level, GcoreLogEntry entry) =>
                            _logger.Log(Level(level), new {{Logging}}.EventId(entry.EventId, entry.EventName), entry, null, static (state, _) => state.ToString());

                        private static {{Logging}}.LogLevel Level(GcoreLogLevel level) =>
                            level == GcoreLogLevel.Debug ? {{Logging}}.LogLevel.Debug : {{Logging}}.LogLevel.Information;
                    }
                    """);
            }
        }

        return w.ToString();
    }

    /// <summary>The JSON names of the properties the spec marks secret, for <c>GcoreSchemaSecrets</c>.</summary>
    public static string EmitSecretNames(string ns, IEnumerable<string> names)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            using (w.Block("internal static partial class GcoreSchemaSecrets"))
            {
                using (w.Block("static partial void AddNames(global::System.Collections.Generic.HashSet<string> names)"))
                {
                    foreach (var name in names)
                        w.Line($"names.Add({Identifiers.Literal(name)});");
                }
            }
        }

        return w.ToString();
    }
}
