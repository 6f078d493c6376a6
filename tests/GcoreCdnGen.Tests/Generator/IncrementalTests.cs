using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// The pipeline caches: an unrelated C# edit parses nothing and emits nothing; a spec edit re-emits only what it
/// touches; no pipeline value holds a Roslyn or Microsoft.OpenApi object.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] AllSteps =
    {
        TrackingNames.Input, TrackingNames.Read, TrackingNames.Model, TrackingNames.Diagnostics,
        TrackingNames.Types, TrackingNames.Client, TrackingNames.Support,
    };

    private static GeneratorDriver Driver(SpecItem spec, out Compilation compilation) => Driver(spec, out compilation, out _);

    private static GeneratorDriver Driver(SpecItem spec, out Compilation compilation, out AdditionalText text)
    {
        compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("class Unrelated { void M() { } }", path: "Unrelated.cs") },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var items = new[] { spec };
        text = new GeneratorRunner.InMemoryAdditionalText(spec.Path, spec.Text);
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { text },
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            new GeneratorRunner.OptionsProvider(items),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var driver = Driver(SpecItem.FromFile(Paths.OurSpec), out var compilation);
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("class Unrelated { void M() { int x = 1; } }", path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " ran: " + r));
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
    }

    [Fact]
    public void EditToOneSchema_ReemitsOnlyThatType()
    {
        var spec = SpecItem.FromFile(Paths.OurSpec);
        var driver = Driver(spec, out var compilation, out var additionalText);
        driver = driver.RunGenerators(compilation);

        // Change the description of one property of FastedgeConfig: only FastedgeConfig shows it.
        string text = ChangePropertyDescription(spec.Text, "FastedgeConfig", "app_id");
        driver = driver.ReplaceAdditionalText(additionalText, new GeneratorRunner.InMemoryAdditionalText(spec.Path, text));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var typeOutputs = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        var modified = typeOutputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => o.Value.ToString()!).ToList();
        Assert.Single(modified);
        Assert.Contains("FastedgeConfig", modified[0]);
        Assert.All(typeOutputs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedSteps[TrackingNames.Client].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    [Fact]
    public void PipelineValues_HoldNoRoslynOrOpenApiObjects()
    {
        var driver = Driver(SpecItem.FromFile(Paths.OurSpec), out var compilation);
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertPlain(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        }
    }

    private static string ChangePropertyDescription(string text, string schema, string property)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        int start = lines.FindIndex(l => l == "    " + schema + ":");
        Assert.True(start >= 0, schema + " not found");
        int at = lines.FindIndex(start, l => l == "        " + property + ":");
        int description = lines.FindIndex(at, l => l.StartsWith("          description:", StringComparison.Ordinal));
        int end = description + 1;
        while (end < lines.Count && lines[end].StartsWith("            ", StringComparison.Ordinal))
            end++;
        lines.RemoveRange(description, end - description);
        lines.Insert(description, "          description: Changed by the incremental test.");
        return string.Join("\n", lines);
    }

    private static void AssertPlain(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 40)
            return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal)
            return;
        if (!type.IsValueType && !seen.Add(value))
            return;

        string ns = type.Namespace ?? "";
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel,
            step + " holds a " + type.FullName);
        Assert.False(ns.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal), step + " holds a " + type.FullName);
        Assert.False(ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && value is not AdditionalText,
            step + " holds a " + type.FullName);

        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
                AssertPlain(item, step, seen, depth + 1);
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertPlain(field.GetValue(value), step, seen, depth + 1);
    }
}
