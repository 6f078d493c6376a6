using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>The facts of one schema site that belong to a property rather than to a type.</summary>
internal sealed class SiteFacts
{
    public bool Nullable;
    public string? Summary;
    public string? DefaultJson;
    public string? Deprecated;
    public bool Secret;
    public Constraints? Constraints;
}
