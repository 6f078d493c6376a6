using System;
using System.Collections.Generic;

namespace FakeGcore;

/// <summary>One request as the fake received it (recorded before faults, auth and routing).</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>HTTP method, upper case (e.g. <c>POST</c>).</summary>
    public string Method { get; }

    /// <summary>The raw request target as sent, e.g. <c>/cdn/origin_groups?limit=10&amp;offset=0</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>Request headers, names compared case-insensitively; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body decoded as UTF-8 (empty string when there is none).</summary>
    public string Body { get; }

    /// <summary>When the fake finished reading the request.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Header value or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery}";
}
