using System;

namespace GcoreCdnGen.Naming;

/// <summary>The methods that turn a response entity into a request body: <c>OriginGroup.ToReplaceParams()</c>.</summary>
public static class ConversionNames
{
    /// <summary>
    /// <c>To</c> and the body's name less the entity's (<c>OriginGroupReplaceParams</c> on <c>OriginGroup</c> is
    /// <c>ToReplaceParams</c>); the whole body name where it does not start with the entity's.
    /// </summary>
    public static string For(string entity, string body) =>
        "To" + (body.Length > entity.Length && body.StartsWith(entity, StringComparison.Ordinal) ? body.Substring(entity.Length) : body);
}
