using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN004: a host origin <c>source</c> constant that Gcore rejects: with a scheme (<c>https://</c>), with a path,
/// or with a port outside 1..65535. Gcore states these rules in its error schemas, not in the property's schema.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RejectedOriginSourceAnalyzer : GeneratedCodeAnalyzer
{
    public const string SourceJson = "source";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RejectedOriginSource);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationAction(c => Assignment(c, markers), OperationKind.SimpleAssignment);
    }

    private static void Assignment(OperationAnalysisContext context, Markers markers)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Values.ConstantString(assignment.Value) is not { } source || RequestPropertyAssigned(markers, assignment, SourceJson) is not { } marker)
            return;

        var problems = Problems(source);
        if (problems.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RejectedOriginSource, assignment.Value.Syntax.GetLocation(),
                marker.Property.Name, Values.Display(source), string.Join("; ", problems)));
        }
    }

    /// <summary>What Gcore would reject in a source value: scheme, path, port.</summary>
    internal static List<string> Problems(string source)
    {
        var problems = new List<string>();
        string rest = source;
        int scheme = rest.IndexOf("://", System.StringComparison.Ordinal);
        if (scheme >= 0)
        {
            problems.Add("it must not have a scheme ('" + rest.Substring(0, scheme + 3) + "')");
            rest = rest.Substring(scheme + 3);
        }

        int slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            problems.Add("it must not have a path ('" + rest.Substring(slash) + "')");
            rest = rest.Substring(0, slash);
        }

        string? port = null;
        if (rest.StartsWith("[", System.StringComparison.Ordinal))
        {
            int close = rest.IndexOf(']');
            if (close > 0 && close + 1 < rest.Length && rest[close + 1] == ':')
                port = rest.Substring(close + 2);
        }
        else
        {
            int colon = rest.IndexOf(':');
            if (colon >= 0 && colon == rest.LastIndexOf(':'))
                port = rest.Substring(colon + 1);
        }

        if (port is not null)
        {
            if (!IsDigits(port))
                problems.Add("its port '" + port + "' is not a number in 1..65535");
            else if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > 65535)
                problems.Add("its port " + port + " is outside 1..65535");
        }

        return problems;
    }

    private static bool IsDigits(string text)
    {
        if (text.Length == 0)
            return false;
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
                return false;
        }

        return true;
    }
}
