using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Contract;

/// <summary>
/// How generated code names the marker attributes (Runtime/GcoreMarkerAttributes.cs, compiled into this assembly too):
/// <c>[GcoreSchema(...)]</c> for <see cref="GcoreSchemaAttribute"/>. Their arguments are named with
/// <c>nameof(GcorePropertyAttribute.MaxLength)</c> where they are written and where the analyzers read them.
/// </summary>
internal static class MarkerAttributes
{
    public static readonly string Schema = UsageName(nameof(GcoreSchemaAttribute));
    public static readonly string Property = UsageName(nameof(GcorePropertyAttribute));
    public static readonly string EnumValue = UsageName(nameof(GcoreEnumValueAttribute));
    public static readonly string Operation = UsageName(nameof(GcoreOperationAttribute));
    public static readonly string Parameter = UsageName(nameof(GcoreParameterAttribute));
    public static readonly string ClientRegistration = UsageName(nameof(GcoreClientRegistrationAttribute));

    private static string UsageName(string attributeClass) => attributeClass.Substring(0, attributeClass.Length - "Attribute".Length);
}
