using System;

namespace FakeGcore;

/// <summary>Settings for <see cref="FakeGcoreServer"/>.</summary>
public sealed class FakeGcoreOptions
{
    /// <summary>The key accepted in <c>Authorization: APIKey &lt;key&gt;</c>.</summary>
    public string ApiKey { get; set; } = "fake-api-key";

    /// <summary>How many origin groups the account may hold; creating one more answers 403 (plan limit).</summary>
    public int MaxGroups { get; set; } = 100;

    /// <summary>Receives one line per request (method, target, status, elapsed time, injected fault). Exceptions thrown by it are ignored.</summary>
    public Action<string>? Log { get; set; }
}
