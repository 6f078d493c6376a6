namespace GcoreCdnGen.Contract;

/// <summary>
/// The names the generator gives to what it writes besides the spec's own names: the members of every model type,
/// of enums and unions, and the types named after the client. The emitters write them from here, and the reader
/// reserves them here, so that no schema property, enum value or schema can take one.
/// </summary>
public static class GeneratedNames
{
    /// <summary>Every model type: <c>internal static T ReadJson(ref Utf8JsonReader)</c>.</summary>
    public const string ReadJson = "ReadJson";

    /// <summary>Every model type: <c>internal void WriteJson(Utf8JsonWriter)</c>.</summary>
    public const string WriteJson = "WriteJson";

    /// <summary>A model type with optional properties: <c>bool IsSet(string propertyName)</c>.</summary>
    public const string IsSet = "IsSet";

    /// <summary>A model type with optional properties: <c>void Unset(string propertyName)</c>.</summary>
    public const string Unset = "Unset";

    /// <summary>The private step behind <see cref="IsSet"/> and <see cref="Unset"/>: one switch for both.</summary>
    public const string SetTracking = "SetTracking";

    /// <summary>Every object type: the JSON properties the spec does not list, kept to be written back.</summary>
    public const string AdditionalProperties = "AdditionalProperties";

    /// <summary>A list envelope: whether the server answered with a page (envelope) or a bare list.</summary>
    public const string IsPaginated = "IsPaginated";

    /// <summary>A union variant: scores one JSON property.</summary>
    public const string ScoreProperty = "ScoreProperty";

    /// <summary>A union variant: one bit per required property.</summary>
    public const string RequiredMask = "RequiredMask";

    /// <summary>A union read by scoring its variants (when the one-walk read gives up).</summary>
    public const string ReadByShape = "ReadByShape";

    /// <summary>A union read in one walk over the object, or null where <see cref="ReadByShape"/> must read it.</summary>
    public const string ReadInOnePass = "ReadInOnePass";

    /// <summary>A union: writes the properties its variants share.</summary>
    public const string WriteSharedJson = "WriteSharedJson";

    /// <summary>A union: the variant that keeps a value of a kind the spec does not list, as raw JSON.</summary>
    public const string Unknown = "Unknown";

    /// <summary>A request type: <c>IReadOnlyList&lt;GcoreProblem&gt; Validate()</c>, what Gcore would reject in it.</summary>
    public const string Validate = "Validate";

    /// <summary>A string-backed enum sent in requests: <c>internal const string ListedValues</c>, the spec's values for GCDN003's message.</summary>
    public const string ListedValues = "ListedValues";

    /// <summary>A string-backed enum: the JSON value.</summary>
    public const string EnumValue = "Value";

    /// <summary>A string-backed enum: whether the value is one the spec lists.</summary>
    public const string IsKnown = "IsKnown";

    /// <summary>The options type of a client (the runtime's options class, renamed after it).</summary>
    public static string OptionsType(string clientName) => clientName + "Options";

    /// <summary>The in-memory fake of a client's API, generated for tests on request.</summary>
    public static string FakeType(string clientName) => clientName + "Fake";

    /// <summary>The dependency-injection extensions of a client.</summary>
    public static string ServiceCollectionExtensionsType(string clientName) => clientName + "ServiceCollectionExtensions";

    /// <summary>Names no property of a model type may take: what a record declares or inherits, and what the generator adds.</summary>
    public static readonly string[] ReservedModelMembers =
    {
        "EqualityContract", "ToString", "GetHashCode", "Equals", "Deconstruct", "PrintMembers", "GetType",
        ReadJson, WriteJson, "Finalize", "MemberwiseClone", "Clone", Unknown,
        AdditionalProperties, IsSet, Unset, SetTracking, IsPaginated, ScoreProperty, RequiredMask,
        ReadByShape, ReadInOnePass, WriteSharedJson, Validate,
    };

    /// <summary>Names no value of a string-backed enum may take: what a struct has, and what the generator adds.</summary>
    public static readonly string[] ReservedEnumMembers =
    {
        EnumValue, "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", IsKnown, ReadJson, WriteJson, ListedValues,
    };
}
