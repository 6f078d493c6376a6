namespace GcoreCdnGen.Model;

/// <summary>Where a parameter goes in the request.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
}
