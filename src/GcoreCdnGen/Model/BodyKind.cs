namespace GcoreCdnGen.Model;

/// <summary>How an operation's request body goes on the wire.</summary>
public enum BodyKind
{
    /// <summary>The operation takes no body.</summary>
    None,
    /// <summary>JSON of <see cref="OperationDef.RequestBody"/>'s type (any schema: object, array, string, union).</summary>
    Json,
    /// <summary><c>multipart/form-data</c>: one part per form parameter (<see cref="ParameterLocation.Form"/>), files as file parts.</summary>
    Multipart,
    /// <summary><c>application/x-www-form-urlencoded</c>: one pair per form parameter (<see cref="ParameterLocation.Form"/>).</summary>
    Form,
    /// <summary>Raw bytes (<c>application/octet-stream</c> and other binary types): one file, streamed.</summary>
    Binary,
}
