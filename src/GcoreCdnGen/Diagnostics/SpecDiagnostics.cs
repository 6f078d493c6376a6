using GcoreCdnGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen.Diagnostics;

/// <summary>Turns the model's plain, equatable diagnostics into the compiler's, at the moment they are reported.</summary>
internal static class SpecDiagnostics
{
    public static Diagnostic ToDiagnostic(this SpecDiagnostic d)
    {
        var start = new LinePosition(System.Math.Max(0, d.Line - 1), System.Math.Max(0, d.Column - 1));
        var location = Location.Create(d.FilePath, default, new LinePositionSpan(start, start));
        return Diagnostic.Create(Descriptors.For(d.Kind), location, d.Message);
    }
}
