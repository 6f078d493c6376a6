namespace GcoreCdnGen.Model;

/// <summary>One HTTP operation, as a method on a resource of the client.</summary>
public sealed record OperationDef
{
    /// <summary>The spec's <c>operationId</c> (the method and path when it has none).</summary>
    public required string OperationId { get; init; }

    /// <summary>The HTTP method, upper case.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The path as the spec writes it, with <c>{name}</c> for each path parameter.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The resource the method is on: <c>/cdn/origin_groups/{id}</c> is <c>["Cdn", "OriginGroups"]</c>.</summary>
    public required EquatableArray<string> ResourcePath { get; init; }

    /// <summary>The C# method name without <c>Async</c> (<c>List</c>, <c>Get</c>, <c>Create</c>, or an action's name).</summary>
    public required string MethodName { get; init; }

    /// <summary>The spec's summary; null when it has none.</summary>
    public required string? Summary { get; init; }

    /// <summary>The spec's description; null when it has none.</summary>
    public required string? Description { get; init; }

    /// <summary>Why the operation is deprecated, as the <c>[Obsolete]</c> message; null when it is not.</summary>
    public required string? Deprecated { get; init; }

    /// <summary>The parameters: path parameters in the template's order, then the required ones, then the others.</summary>
    public required EquatableArray<ParameterDef> Parameters { get; init; }

    /// <summary>The body's type: any type for JSON, <see cref="TypeRef.File"/> for a binary body; null for none or a form.</summary>
    public required TypeRef? RequestBody { get; init; }

    /// <summary>How the body is sent. A form or multipart body's fields are <see cref="ParameterLocation.Form"/> parameters.</summary>
    public BodyKind BodyKind { get; init; }

    /// <summary>The body's media type as the spec names it (<c>application/json</c>, <c>multipart/form-data</c>, ...); null without a body.</summary>
    public string? BodyMediaType { get; init; }

    /// <summary>The caller must give a body.</summary>
    public required bool RequestBodyRequired { get; init; }

    /// <summary>The type of the successful response's JSON; null when it has none, or is text or binary.</summary>
    public required TypeRef? Response { get; init; }

    /// <summary>How the successful response's body is read.</summary>
    public ResponseKind ResponseKind { get; init; }

    /// <summary>For a text or binary response, the media types the spec lists (sent as <c>Accept</c>); null otherwise.</summary>
    public string? ResponseMediaType { get; init; }

    /// <summary>The status code of the successful response.</summary>
    public required int SuccessStatus { get; init; }
}
