using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace FakeGcore;

/// <summary>The in-memory origin groups of one fake account. Every operation runs under one lock.</summary>
internal sealed class OriginGroupStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, StoredGroup> _groups = new();
    private readonly int _maxGroups;
    private int _nextId = 1;

    public OriginGroupStore(int maxGroups) => _maxGroups = maxGroups;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _groups.Count;
            }
        }
    }

    public ApiResponse Create(JsonObject body)
    {
        lock (_gate)
        {
            if (_groups.Count >= _maxGroups)
            {
                return ApiResponse.Json(403, new JsonObject { ["message"] = Messages.GroupLimit(_maxGroups) });
            }

            var outcome = GroupValidator.Validate(body, WriteMode.Create, _nextId, existing: null, name => IsNameTaken(name, exceptId: null));
            if (outcome.Group is null)
            {
                return ApiResponse.Json(400, outcome.ErrorBody!);
            }

            _groups[_nextId++] = outcome.Group;
            return ApiResponse.Json(201, outcome.Group.ToJson());
        }
    }

    public ApiResponse Get(int id)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(id, out var group) ? ApiResponse.Json(200, group.ToJson()) : ApiResponse.NotFound();
        }
    }

    /// <summary>PUT (<paramref name="mode"/> Replace) or PATCH (<paramref name="mode"/> Patch).</summary>
    public ApiResponse Update(int id, JsonObject body, WriteMode mode)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var existing))
            {
                return ApiResponse.NotFound();
            }

            var outcome = GroupValidator.Validate(body, mode, id, existing, name => IsNameTaken(name, exceptId: id));
            if (outcome.Group is null)
            {
                return ApiResponse.Json(400, outcome.ErrorBody!);
            }

            _groups[id] = outcome.Group;
            return ApiResponse.Json(200, outcome.Group.ToJson());
        }
    }

    public ApiResponse Delete(int id)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group))
            {
                return ApiResponse.NotFound();
            }

            // DELETE's 400 bodies are not wrapped in "errors".
            if (group.UsedByResource || group.UsedByRules)
            {
                var message = group.UsedByResource ? Messages.GroupUsedByResources : Messages.GroupUsedByRules;
                return ApiResponse.Json(400, new JsonObject { ["name"] = new JsonArray(message) });
            }

            _groups.Remove(id);
            return ApiResponse.Empty(204);
        }
    }

    /// <summary>Groups matching the filters, ordered by id.</summary>
    public IReadOnlyList<StoredGroup> List(string? name, string? source, bool? hasRelatedResources)
    {
        lock (_gate)
        {
            return _groups.Values
                .Where(g => name is null || string.Equals(g.Name, name, StringComparison.Ordinal))
                .Where(g => source is null || g.Sources.Any(s => s.Kind == SourceKind.Host && string.Equals(s.Source, source, StringComparison.OrdinalIgnoreCase)))
                .Where(g => hasRelatedResources is null || g.HasRelatedResources == hasRelatedResources)
                .ToList();
        }
    }

    public StoredGroup? Find(int id)
    {
        lock (_gate)
        {
            return _groups.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<StoredGroup> All()
    {
        lock (_gate)
        {
            return _groups.Values.ToList();
        }
    }

    /// <summary>Marks a group as used by CDN resources and/or rules (null leaves a flag unchanged). False when the id is unknown.</summary>
    public bool SetUsage(int id, bool? byResource, bool? byRules)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group))
            {
                return false;
            }

            _groups[id] = group with
            {
                UsedByResource = byResource ?? group.UsedByResource,
                UsedByRules = byRules ?? group.UsedByRules,
            };
            return true;
        }
    }

    private bool IsNameTaken(string name, int? exceptId) =>
        _groups.Values.Any(g => g.Id != exceptId && string.Equals(g.Name, name, StringComparison.Ordinal));
}
