using System.Collections.Generic;
using System.Linq;

namespace GcoreCdnGen.Naming;

/// <summary>The classes that hold a resource's operations (<c>client.Cdn.OriginGroups</c> is a <c>OriginGroupsOperations</c>).</summary>
public static class ResourceNames
{
    /// <summary>The class every resource's operations share for their raw-response twins.</summary>
    public const string RawClass = "RawResponseOperations";

    /// <summary>
    /// The class name of each resource along a path. A class never takes the name of a class that encloses it
    /// (<c>/ip-info/ip-info</c> would declare <c>IpInfoOperations</c> inside itself): it is qualified by its path.
    /// </summary>
    public static IReadOnlyList<string> ClassNames(IReadOnlyList<string> path)
    {
        var result = new List<string>(path.Count);
        for (int i = 0; i < path.Count; i++)
        {
            string name = path[i] + "Operations";
            if (result.Contains(name) || name == RawClass)
                name = string.Concat(path.Take(i + 1)) + "Operations";
            result.Add(name);
        }

        return result;
    }

    /// <summary>
    /// The fake's property for each collection it keeps: the resource's last segment (<c>OriginGroups</c>), or its whole
    /// path (<c>CdnOriginGroups</c>) where two collections end alike; <c>Collection</c> is added to a name the fake's
    /// own members (<paramref name="reserved"/>) or its class take.
    /// </summary>
    public static IReadOnlyList<string> FakeCollectionNames(IReadOnlyList<IReadOnlyList<string>> resourcePaths, string fakeClass, IEnumerable<string> reserved)
    {
        var taken = new HashSet<string>(reserved) { fakeClass };
        var last = resourcePaths.Select(p => p.Count == 0 ? "Root" : p[p.Count - 1]).ToList();
        return resourcePaths
            .Select((p, i) => last.Count(l => l == last[i]) == 1 ? last[i] : string.Concat(p))
            .Select(name => taken.Contains(name) ? name + "Collection" : name)
            .ToList();
    }
}
