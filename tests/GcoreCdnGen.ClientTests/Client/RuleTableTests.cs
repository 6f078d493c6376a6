global using Api = ClientTests.Gcore;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using GcoreCdnGen.SharedTests;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

#pragma warning disable GCDN001, GCDN003, GCDN005 // invalid constants on purpose: the run-time checks are under test

/// <summary>
/// Run time against the shared table of issue 15 (tests/Shared/RuleTable.cs), which the analyzer tests hold the
/// analyzers to: generated Validate() reaches each row's verdict, and with <see cref="GcoreClientOptions.ValidateRequests"/>
/// the client rejects exactly those rows before anything reaches the 127.0.0.1 server.
/// The generated fake is held to the same rows in Fake/FakeRuleTableTests.cs.
/// </summary>
public class RuleTableTests : ClientTestBase
{
    public static IEnumerable<object[]> Names => RuleTable.Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_reaches_the_tables_verdict(string name)
    {
        var row = RuleTable.Case(name);

        var problems = row.Request().Validate();

        Assert.Equal(row.Expected, RuleTable.Verdict(problems.Select(p => p.RuleId)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_option_rejects_before_sending_exactly_what_the_table_rejects(string name)
    {
        var row = RuleTable.Case(name);
        Server.Answer(201, Payloads.Group);
        using var client = NewClient(o => o.ValidateRequests = true);

        if (row.Rules.Length == 0)
        {
            var created = await client.Cdn.OriginGroups.CreateAsync(row.Request());
            Assert.Equal(1, created.Id);
            Assert.Single(Server.Calls);
        }
        else
        {
            var rejected = await Assert.ThrowsAsync<GcoreValidationException>(() => client.Cdn.OriginGroups.CreateAsync(row.Request()));
            Assert.Equal(row.Expected, RuleTable.Verdict(rejected.Problems.Select(p => p.RuleId)));
            Assert.Empty(Server.Calls);
        }
    }

    [Fact]
    public async Task Without_the_option_an_invalid_request_is_sent()
    {
        Server.Answer(201, Payloads.Group);

        await Client.Cdn.OriginGroups.CreateAsync(RuleTable.Case("several rules at once").Request());

        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task The_option_holds_for_a_WithOptions_view_and_the_raw_response_flavour()
    {
        using var client = NewClient(o => o.ValidateRequests = true);
        var request = RuleTable.Case("use_next without cases").Request();

        await Assert.ThrowsAsync<GcoreValidationException>(() => client.WithOptions(new GcoreRequestOptions { MaxRetries = 1 }).Cdn.OriginGroups.CreateAsync(request));
        await Assert.ThrowsAsync<GcoreValidationException>(() => client.Cdn.OriginGroups.WithRawResponse.CreateAsync(request));
        await Assert.ThrowsAsync<GcoreValidationException>(() => client.Cdn.OriginGroups.ReplaceAsync(1, new OriginGroupReplaceParams { Name = "group", UseNext = true, Sources = [new HostSource { Source = "example.com" }] }));
        Assert.Empty(Server.Calls);
    }

    [Fact]
    public void Problems_carry_the_JSON_path_and_the_analyzers_words()
    {
        var problems = RuleTable.Case("several rules at once").Request().Validate();

        Assert.Equal(
            new[]
            {
                "GCDN001 $.use_next: 'UseNext' is true but 'ProxyNextUpstream' is not set; Gcore requires the cases on which the next origin is tried",
                "GCDN006 $.sources: 'Sources' has its only source as a backup; Gcore needs at least one enabled source that is not a backup",
                "GCDN004 $.sources[0].source: 'Source' is \"http://example.com\", which Gcore rejects: it must not have a scheme ('http://')",
            },
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Nested_problems_are_placed_and_secrets_shown_by_length_only()
    {
        var request = new OriginGroupCreateParams
        {
            Name = "group",
            ProxyNextUpstream = ["error", "http_418"],
            Sources =
            [
                new HostSource { Source = "example.com" },
                new S3Source { Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = "bucket", S3Region = "eu-west-1", S3AccessKeyId = "KEY", S3SecretAccessKey = "s3cr3t" } },
            ],
        };

        var problems = request.Validate();

        Assert.Equal(
            new[]
            {
                "GCDN003 $.proxy_next_upstream[1]: 'ProxyNextUpstream' is \"http_418\", which breaks the spec: not one of the cases Gcore documents (error, timeout, invalid_header, http_403, http_404, http_429, http_500, http_502, http_503, http_504)",
                "GCDN005 $.sources[1].config.s3_access_key_id: Gcore rejects this S3 configuration: 'S3AccessKeyId' is a value of 3 characters; Gcore accepts 4 to 255 characters",
                "GCDN005 $.sources[1].config.s3_secret_access_key: Gcore rejects this S3 configuration: 'S3SecretAccessKey' is a value of 6 characters; Gcore accepts 16 to 255 characters",
            },
            problems.Select(p => p.ToString()));
        Assert.DoesNotContain(problems, p => p.Message.Contains("s3cr3t", StringComparison.Ordinal));
        var rejected = new GcoreValidationException(problems);
        Assert.DoesNotContain("s3cr3t", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("$.sources[1].config.s3_access_key_id", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_or_unreadable_pattern_never_throws_and_never_hangs()
    {
        var clock = Stopwatch.StartNew();

        var slow = new GcoreValidation().Text("code", "Code", new string('a', 40_000) + "!", -1, -1, "^(a+)+$").Problems;
        var unreadable = new GcoreValidation().Text("code", "Code", "abc", -1, -1, "([").Problems;
        var mismatch = new GcoreValidation().Text("code", "Code", "abc", -1, -1, "^[0-9]+$").Problems;

        Assert.Empty(slow); // a pattern that cannot decide in time is not held against the value, as in the analyzer
        Assert.Empty(unreadable);
        Assert.Equal("GCDN003 $.code: 'Code' is \"abc\", which breaks the spec: it does not match the pattern \"^[0-9]+$\"", Assert.Single(mismatch).ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "Validation took " + clock.Elapsed);
    }

    [Fact]
    public async Task The_READMEs_Validation_snippet_runs_as_it_says()
    {
        string host = "media.example.com", apiKey = ApiKey;
        bool useNext = true;
        var ct = CancellationToken.None;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // README: Validation
            var request = new OriginGroupCreateParams
            {
                Name = "images",
                UseNext = useNext,                            // true, and no proxy_next_upstream cases: GCDN001
                Sources = [new HostSource { Source = host }], // values, not constants: only Validate() sees them
            };

            foreach (var problem in request.Validate())
                Console.WriteLine(problem); // GCDN001 $.use_next: 'UseNext' is true but 'ProxyNextUpstream' is not set; ...

            using var strict = new GcoreClient(new GcoreClientOptions { ApiKey = apiKey, ValidateRequests = true });
            try { await strict.Cdn.OriginGroups.CreateAsync(request, ct); }
            catch (GcoreValidationException e)
            {
                foreach (var problem in e.Problems)
                    Console.WriteLine($"{problem.RuleId} at {problem.Path}: {problem.Message}");
            }
            // README: end
        }
        finally
        {
            Console.SetOut(console);
        }

        const string Message = "'UseNext' is true but 'ProxyNextUpstream' is not set; Gcore requires the cases on which the next origin is tried";
        Assert.Equal($"GCDN001 $.use_next: {Message}\nGCDN001 at $.use_next: {Message}\n", output.ToString().Replace("\r\n", "\n"));
        Assert.Equal(Snippet(File.ReadAllText(ThisFile())), ReadmeSnippet());
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>The lines between the README markers above, unindented.</summary>
    private static string Snippet(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == "// README: Validation") + 1;
        int end = Array.FindIndex(lines, l => l.Trim() == "// README: end");
        var body = lines[start..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }

    private static string ReadmeSnippet()
    {
        string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("\n### Validation\n", StringComparison.Ordinal);
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        return readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];
    }
}
