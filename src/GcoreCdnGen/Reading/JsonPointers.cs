namespace GcoreCdnGen.Reading
{
    /// <summary>JSON pointers into the spec (RFC 6901), the key by which every diagnostic is located.</summary>
    internal static class JsonPointers
    {
        internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

        internal static string ComponentPointer(string id) => "#/components/schemas/" + Escape(id);
    }
}
