using System.Collections.Generic;
using System.Collections.Immutable;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GcoreCdnGen.Analyzers;

/// <summary>
/// GCDN001: <c>use_next</c> set to true on a request without non-empty <c>proxy_next_upstream</c> cases. Looks at
/// object initializers, <c>with</c> expressions and constructor arguments, and follows a local through the method
/// body: a later assignment of the cases clears the warning, a later <c>UseNext = true</c> without cases raises it.
/// What counts as missing cases is <see cref="GcoreRules.MissingCases"/>, shared with generated <c>Validate()</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UseNextWithoutCasesAnalyzer : GeneratedCodeAnalyzer
{
    private const string UseNextJson = GcoreRules.UseNextJson;
    private const string CasesJson = GcoreRules.CasesJson;

    /// <summary>Diagnostic property: the C# name of the cases property (for the code fix).</summary>
    public const string CasesMemberKey = "CasesMember";

    /// <summary>Diagnostic property: the spec's default cases, one per line (for the code fix).</summary>
    public const string CasesKey = "Cases";

    private static readonly string[] FallbackCases = { "error", "timeout" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UseNextWithoutCases);

    private protected override void Register(CompilationStartAnalysisContext start, Markers markers)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            var body = new Body(markers);
            block.RegisterOperationAction(body.OnCreation, OperationKind.ObjectCreation, OperationKind.With);
            block.RegisterOperationAction(body.OnAssignment, OperationKind.SimpleAssignment);
            block.RegisterOperationBlockEndAction(body.Report);
        });
    }

    private enum UseNext
    {
        Unknown,
        True,
        NotTrue,
    }

    private enum Cases
    {
        Unknown,
        Missing,
        Present,
    }

    private sealed class State
    {
        public UseNext UseNext;
        public Cases Cases;
        public string CasesText = GcoreRules.MissingCases(useNext: true, set: false, isNull: false, count: null)!;
        public Diagnostic? Pending;

        public State Copy() => new() { UseNext = UseNext, Cases = Cases, CasesText = CasesText };
    }

    /// <summary>Something that happened to a request object in the method body, kept until the body is complete.</summary>
    private sealed class Event
    {
        public int Position;
        public IOperation Operation = null!;
        public TypeMarker Type = null!;
        public ILocalSymbol? Target;
        public ILocalSymbol? WithBase;
        public string? MemberJson;
        public bool Reset;
    }

    private sealed class Body
    {
        private readonly Markers _markers;
        private readonly List<Event> _events = new();

        public Body(Markers markers) => _markers = markers;

        public void OnCreation(OperationAnalysisContext context)
        {
            var type = RequestType(context.Operation.Type);
            if (type is null)
                return;
            var e = new Event { Position = context.Operation.Syntax.SpanStart, Operation = context.Operation, Type = type, Target = TargetLocal(context.Operation) };
            if (context.Operation is IWithOperation with && Values.Unwrap(with.Operand) is ILocalReferenceOperation local)
                e.WithBase = local.Local;
            lock (_events)
                _events.Add(e);
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance } target &&
                Values.Unwrap(instance) is ILocalReferenceOperation local &&
                _markers.Property(target.Property) is { JsonName: UseNextJson or CasesJson } marker &&
                RequestType(local.Local.Type) is { } type)
            {
                lock (_events)
                    _events.Add(new Event { Position = assignment.Syntax.SpanStart, Operation = assignment, Type = type, Target = local.Local, MemberJson = marker.JsonName });
            }
            else if (assignment.Target is ILocalReferenceOperation reassigned &&
                Values.Unwrap(assignment.Value) is not (IObjectCreationOperation or IWithOperation) &&
                RequestType(reassigned.Local.Type) is { } type2)
            {
                lock (_events)
                    _events.Add(new Event { Position = assignment.Syntax.SpanStart, Operation = assignment, Type = type2, Target = reassigned.Local, Reset = true });
            }
        }

        public void Report(OperationBlockAnalysisContext context)
        {
            List<Event> events;
            lock (_events)
                events = new List<Event>(_events);
            events.Sort((a, b) => a.Position.CompareTo(b.Position));
            var states = new Dictionary<ILocalSymbol, State>(SymbolEqualityComparer.Default);
            foreach (var e in events)
            {
                if (e.Reset)
                {
                    if (states.TryGetValue(e.Target!, out var old) && old.Pending is { } pending)
                        context.ReportDiagnostic(pending);
                    states.Remove(e.Target!);
                    continue;
                }

                if (e.MemberJson is not null)
                {
                    if (states.TryGetValue(e.Target!, out var state))
                        ApplyAssignment(state, e);
                    continue;
                }

                var created = Create(e, states);
                if (e.Target is not null)
                {
                    if (states.TryGetValue(e.Target, out var replaced) && replaced.Pending is { } pending)
                    {
                        // r = r with { … } changes r like an assignment would; anything else replaces the object.
                        if (SymbolEqualityComparer.Default.Equals(e.Target, e.WithBase))
                            created.Pending = created.Pending is null ? null : pending;
                        else
                            context.ReportDiagnostic(pending);
                    }

                    states[e.Target] = created;
                }
                else if (created.Pending is { } pending)
                {
                    context.ReportDiagnostic(pending);
                }
            }

            foreach (var state in states.Values)
            {
                if (state.Pending is { } pending)
                    context.ReportDiagnostic(pending);
            }
        }

        private TypeMarker? RequestType(ITypeSymbol? type)
        {
            var marker = _markers.Type(type);
            return marker is { Request: true } && marker.Has(UseNextJson) && marker.Has(CasesJson) ? marker : null;
        }

        private State Create(Event e, Dictionary<ILocalSymbol, State> states)
        {
            State state;
            if (e.Operation is IWithOperation)
            {
                state = e.WithBase is not null && states.TryGetValue(e.WithBase, out var baseState)
                    ? baseState.Copy()
                    : new State { UseNext = UseNext.Unknown, Cases = Cases.Unknown };
            }
            else
            {
                state = new State { UseNext = UseNext.NotTrue, Cases = Cases.Missing };
            }

            var members = Values.Members(_markers, e.Operation);
            IOperation? useNextSite = null;
            IOperation? casesSite = null;
            if (members.TryGetValue(UseNextJson, out var useNext))
            {
                state.UseNext = Classify(useNext.Value);
                useNextSite = useNext.Site;
            }

            if (members.TryGetValue(CasesJson, out var cases))
            {
                (state.Cases, state.CasesText) = ClassifyCases(cases.Value);
                casesSite = cases.Site;
            }

            if (state.UseNext == UseNext.True && state.Cases == Cases.Missing)
                state.Pending = Diagnose(e.Type, useNextSite ?? casesSite ?? e.Operation, state.CasesText);
            return state;
        }

        private void ApplyAssignment(State state, Event e)
        {
            var assignment = (ISimpleAssignmentOperation)e.Operation;
            if (e.MemberJson == UseNextJson)
            {
                state.UseNext = Classify(assignment.Value);
                if (state.UseNext != UseNext.True)
                    state.Pending = null;
                else if (state.Cases == Cases.Missing && state.Pending is null)
                    state.Pending = Diagnose(e.Type, assignment, state.CasesText);
            }
            else
            {
                (state.Cases, state.CasesText) = ClassifyCases(assignment.Value);
                if (state.Cases != Cases.Missing)
                    state.Pending = null;
                else if (state.UseNext == UseNext.True && state.Pending is null)
                    state.Pending = Diagnose(e.Type, assignment, state.CasesText);
            }
        }

        private static UseNext Classify(IOperation value) => Values.ConstantBool(value) switch
        {
            true => UseNext.True,
            false => UseNext.NotTrue,
            null => Values.IsConstantNull(value) ? UseNext.NotTrue : UseNext.Unknown,
        };

        private static (Cases, string) ClassifyCases(IOperation value)
        {
            // A value that is not a constant (count unknown) counts as present.
            return GcoreRules.MissingCases(useNext: true, set: true, Values.IsConstantNull(value), Values.Elements(value)?.Length) is { } missing
                ? (Cases.Missing, missing)
                : (Cases.Present, "");
        }

        private Diagnostic Diagnose(TypeMarker type, IOperation site, string casesText)
        {
            var useNext = type.Property(UseNextJson)!;
            var cases = type.Property(CasesJson)!;
            var defaults = Values.ParseStringArray(_markers.Property(cases)?.DefaultJson);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(CasesMemberKey, cases.Name)
                .Add(CasesKey, string.Join("\n", defaults is { Count: > 0 } ? defaults : (IEnumerable<string>)FallbackCases));
            return Diagnostic.Create(Descriptors.UseNextWithoutCases, site.Syntax.GetLocation(), properties, useNext.Name, "true", cases.Name, casesText);
        }

        /// <summary>The local a new object is stored in: <c>var r = new …</c> or <c>r = new …</c>.</summary>
        private static ILocalSymbol? TargetLocal(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation { OperatorMethod: null })
                parent = parent.Parent;
            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                _ => null,
            };
        }
    }
}
