using System.Text.Json.Nodes;

namespace FakeGcore;

/// <summary>
/// Collects validation errors in Gcore's 400 shape: <c>{"errors": {field: [messages]}}</c>, with per-source errors
/// nested under the source value (or S3 bucket name): <c>{"errors": {"sources": {"&lt;key&gt;": {field: [messages]}}}}</c>.
/// </summary>
internal sealed class ErrorBag
{
    private readonly JsonObject _errors = new();

    public bool Any => _errors.Count > 0;

    /// <summary>Number of messages added so far; compare before/after to see whether a step added errors.</summary>
    public int Version { get; private set; }

    /// <summary>Top-level field error: <c>errors.&lt;field&gt;</c>.</summary>
    public void Add(string field, string message) => ListAt(_errors, field).Add(message);

    /// <summary>Per-source error: <c>errors.sources.&lt;sourceKey&gt;.&lt;field&gt;</c>.</summary>
    public void AddSource(string sourceKey, string field, string message) => ListAt(SourceEntry(sourceKey), field).Add(message);

    /// <summary>Per-source config error: <c>errors.sources.&lt;sourceKey&gt;.config.&lt;configField&gt;</c>.</summary>
    public void AddSourceConfig(string sourceKey, string configField, string message)
    {
        var entry = SourceEntry(sourceKey);
        switch (entry["config"])
        {
            case JsonObject config:
                ListAt(config, configField).Add(message);
                break;
            case JsonArray list:
                // A list-level config error (e.g. duplicate bucket) is already there; keep both readable.
                Version++;
                list.Add($"{configField}: {message}");
                break;
            default:
                var created = new JsonObject();
                entry["config"] = created;
                ListAt(created, configField).Add(message);
                break;
        }
    }

    public JsonObject ToBody() => new() { ["errors"] = _errors.DeepClone() };

    private JsonObject SourceEntry(string sourceKey)
    {
        if (_errors["sources"] is not JsonObject sources)
        {
            sources = new JsonObject();
            _errors["sources"] = sources;
        }

        if (sources[sourceKey] is not JsonObject entry)
        {
            entry = new JsonObject();
            sources[sourceKey] = entry;
        }

        return entry;
    }

    private JsonArray ListAt(JsonObject parent, string field)
    {
        Version++;
        if (parent[field] is JsonArray list)
        {
            return list;
        }

        list = new JsonArray();
        parent[field] = list;
        return list;
    }
}
