using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.SharedTests;
using Xunit;

namespace GcoreCdnGen.ClientTests.Fake;

/// <summary>
/// The third place of issue 15's one rule set: the generated fake, on the shared table (tests/Shared/RuleTable.cs)
/// that the analyzers and Validate() are held to. The client does not check before sending here, so every request
/// reaches the fake, which judges what arrived: it accepts exactly the rows the table accepts, and answers the others
/// with a 400 in Gcore's shape whose messages are, word for word, the problems Validate() finds in the request as the
/// wire carries it (read back from its JSON), and those problems are the table's rules.
/// </summary>
public class FakeRuleTableTests
{
    public static IEnumerable<object[]> Names => RuleTable.Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_fake_reaches_the_tables_verdict(string name)
    {
        var row = RuleTable.Case(name);
        var fake = new GcoreClientFake();
        using var client = new GcoreClient(new GcoreClientOptions { HttpClient = fake.CreateHttpClient(), ApiKey = "test-key", TimeProvider = fake.Clock });

        if (row.Rules.Length == 0)
        {
            var created = await client.Cdn.OriginGroups.CreateAsync(row.Request());
            Assert.True(created.Id > 0);
            return;
        }

        var rejected = await Assert.ThrowsAsync<GcoreBadRequestException>(() => client.Cdn.OriginGroups.CreateAsync(row.Request()));
        var sent = GcoreJson.Deserialize(GcoreJson.SerializeToUtf8Bytes(row.Request(), static (w, r) => r.WriteJson(w)), OriginGroupCreateParams.ReadJson);
        Assert.Equal(row.Expected, RuleTable.Verdict(sent.Validate().Select(p => p.RuleId)));
        var expected = sent.Validate().Select(p => p.Message).OrderBy(m => m, StringComparer.Ordinal);
        var answered = Messages(System.Text.Json.Nodes.JsonNode.Parse(rejected.Body!)!["errors"]!).OrderBy(m => m, StringComparer.Ordinal);
        Assert.Equal(expected, answered);
    }

    /// <summary>Every message of a Gcore 400 body's <c>errors</c>, however deep (a source's problems sit under its key).</summary>
    private static IEnumerable<string> Messages(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.SelectMany(p => Messages(p.Value!)),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany(e => Messages(e!)),
        _ => new[] { node.GetValue<string>() },
    };
}
