namespace GcoreCdnGen.Model;

/// <summary>How the successful response's body is handed to the caller.</summary>
public enum ResponseKind
{
    /// <summary>No body worth reading.</summary>
    None,
    /// <summary>JSON read into <see cref="OperationDef.Response"/>'s type.</summary>
    Json,
    /// <summary>Text (<c>text/plain</c>, <c>text/html</c>): read whole into a <c>string</c>.</summary>
    Text,
    /// <summary>A file or binary download: a stream the caller reads and disposes, never buffered whole.</summary>
    Binary,
}
