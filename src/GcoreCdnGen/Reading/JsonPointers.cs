namespace GcoreCdnGen.Reading;

/// <summary>JSON pointers into the spec (RFC 6901), the key by which every diagnostic is located.</summary>
internal static class JsonPointers
{
    internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private const string Components = "#/components/schemas/";

    internal static string ComponentPointer(string id) => Components + Escape(id);

    /// <summary>How a message names a schema: a component by its id, any other schema by its pointer.</summary>
    internal static string Name(string pointer) =>
        pointer.StartsWith(Components, System.StringComparison.Ordinal) && pointer.IndexOf('/', Components.Length) < 0
            ? pointer.Substring(Components.Length).Replace("~1", "/").Replace("~0", "~")
            : pointer;
}
