using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Gcore;

namespace Contoso.Cdn;

/// <summary>The "user code" under test: a small service over the generated client, as an application would write it.</summary>
public sealed class OriginGroupCatalog
{
    private readonly GcoreClient _gcore;

    public OriginGroupCatalog(GcoreClient gcore) => _gcore = gcore;

    /// <summary>Creates a group for one host, or returns the server's complaints when Gcore rejects it.</summary>
    public async Task<(OriginGroup? Group, IReadOnlyDictionary<string, IReadOnlyList<string>> Problems)> AddSiteAsync(string name, string host, CancellationToken cancellationToken = default)
    {
        try
        {
            var group = await _gcore.Cdn.OriginGroups.CreateAsync(
                new OriginGroupCreateParams { Name = name, Sources = [new HostSource { Source = host }] },
                cancellationToken);
            return (group, new Dictionary<string, IReadOnlyList<string>>());
        }
        catch (GcoreBadRequestException e)
        {
            return (null, e.ValidationErrors);
        }
    }

    /// <summary>Every group's name, page after page.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var group in _gcore.Cdn.OriginGroups.ListAllAsync(limit: 2, cancellationToken: cancellationToken))
            names.Add(group.Name);
        return names;
    }

    /// <summary>Renames a group, leaving its sources alone.</summary>
    public Task<OriginGroup> RenameAsync(long id, string name, CancellationToken cancellationToken = default) =>
        _gcore.Cdn.OriginGroups.UpdateAsync(id, new OriginGroupUpdateParams { Name = name }, cancellationToken);

    /// <summary>The groups whose sources include <paramref name="host"/>.</summary>
    public async Task<IReadOnlyList<long>> UsingHostAsync(string host, CancellationToken cancellationToken = default)
    {
        var all = await _gcore.Cdn.OriginGroups.ListAsync(cancellationToken: cancellationToken);
        return all.Results.Where(g => g.Sources.OfType<OriginGroupHostSource>().Any(s => s.Source == host)).Select(g => g.Id).ToList();
    }
}
