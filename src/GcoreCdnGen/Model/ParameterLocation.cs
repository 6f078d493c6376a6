namespace GcoreCdnGen.Model;

/// <summary>Where a parameter goes in the request.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
    /// <summary>A field of a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body.</summary>
    Form,
}
