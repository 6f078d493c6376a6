using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using static GcoreCdnGen.Emitting.Json.JsonEmitter;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>
/// How well a JSON object fits a type: the <c>RequiredMask</c> and <c>ScoreProperty</c> members that a union's
/// reader calls on each of its variants (and on the object types they hold), emitted only on those types
/// (<see cref="TypeDef.Scored"/>).
/// </summary>
internal static class ScoringEmitter
{
    /// <summary>Whether the JSON token at <paramref name="token"/> is of the kind the property takes (null where it may be null or absent).</summary>
    internal static string KindCheck(PropertyDef p, string token) =>
        $"GcoreJson.Is({token}, GcoreJsonKind.{CSharp.JsonKind(p.Type)}, {(p.Presence == Presence.Required ? "false" : "true")})";

    /// <summary>How well an object fits this type, per property; <c>GcoreJsonFit.Match</c> scores a whole object with it.</summary>
    internal static void EmitScoring(SourceWriter w, string ns, TypeDef type)
    {
        var required = RequiredWithBits(type);
        string Bit(PropertyDef p) => RequiredBit(required, p);

        string all = required.Count == 0 ? "0" : required.Count == 64 ? "ulong.MaxValue" : "0x" + ((1UL << required.Count) - 1).ToString("X") + "UL";
        w.Line($"""

            /// <summary>One bit per required property, as <see cref="{GeneratedNames.ScoreProperty}"/> reports them to <see cref="GcoreJsonFit"/>.</summary>
            internal const ulong {GeneratedNames.RequiredMask} = {all};

            /// <summary>Scores one property of a JSON object against this type: <paramref name="name"/> is its name, <paramref name="value"/> stands on its value.</summary>
            /// <remarks>With <paramref name="deferNested"/>, an object value is scored later, in one walk shared with the other variants.</remarks>
            """);
        using (w.Block($"internal static void {GeneratedNames.ScoreProperty}(ref GcoreJsonFit fit, global::System.ReadOnlySpan<byte> name, in {Reader} value, bool deferNested)"))
        {
            EmitNameSwitch(w, type.Properties, p =>
            {
                string kindCheck = KindCheck(p, "value.TokenType");
                if (!p.Type.IsObject)
                    return $"fit.Known({kindCheck}, {Bit(p)}); return;";
                string nested = Qualified(ns, p.Type.Name!);
                return $"fit.KnownObject(in value, deferNested, {nested}.{GeneratedNames.ScoreProperty}, {nested}.{GeneratedNames.RequiredMask}, {kindCheck}, {Bit(p)}); return;";
            });

            // A property the spec does not know never disqualifies (the API grows under its users);
            // in a closed shape it makes the variant a worse fit than one that knows it.
            w.Line($"fit.Unknown({(type.ClosedShape ? "true" : "false")});");
        }

    }

    /// <summary>The properties always in the JSON (null or not) that have a bit in <c>RequiredMask</c>: the first 64.</summary>
    internal static List<PropertyDef> RequiredWithBits(TypeDef type) =>
        type.Properties.Where(p => p.Presence is Presence.Required or Presence.RequiredNullable).Take(64).ToList();

    /// <summary>The bit of a property in <c>RequiredMask</c> (see <see cref="RequiredWithBits"/>), as a C# literal; "0" for the rest.</summary>
    internal static string RequiredBit(List<PropertyDef> requiredWithBits, PropertyDef p)
    {
        int index = requiredWithBits.IndexOf(p);
        return index < 0 ? "0" : "0x" + (1UL << index).ToString("X") + "UL";
    }
}
