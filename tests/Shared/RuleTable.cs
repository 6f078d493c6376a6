// The shared table of issue 15: requests Gcore accepts and requests it rejects, with the rules (GCDN001, GCDN003–GCDN006)
// each one breaks. One rule set runs in three places, and each is held to this table:
//   - the analyzers, on these very constants: tests/GcoreCdnGen.AnalyzerTests/RuleTableTests.cs compiles this file
//     beside the generated code and maps every diagnostic back to its row;
//   - Validate() and GcoreClientOptions.ValidateRequests, at run time: tests/GcoreCdnGen.ClientTests/Client/RuleTableTests.cs
//     (which also checks that a rejected request never reaches a real 127.0.0.1 server, and an accepted one does);
//   - the generated fake, answering 400 as Gcore would: tests/GcoreCdnGen.ClientTests/Fake/FakeRuleTableTests.cs.
// The file compiles against the generated API of spec/gcore-origin-groups.yaml, whatever its namespace: each test
// project aliases that namespace as Api with a global using. Write every value as a constant, so the analyzers see it.
#pragma warning disable CS0618, GCDN002 // the legacy auth object is deprecated; that is not what this table is about
// The rows break the rules on purpose: the analyzers still report them here (RuleTableTests reads suppressed diagnostics).
#pragma warning disable GCDN001, GCDN003, GCDN004, GCDN005, GCDN006

using System;
using System.Collections.Generic;
using System.Linq;

namespace GcoreCdnGen.SharedTests;

/// <summary>One request and the rules Gcore's rules find broken in it (none: Gcore accepts it).</summary>
public sealed record RuleCase(string Name, Func<Api.OriginGroupCreateParams> Request, params string[] Rules)
{
    /// <summary>The expected verdict, as <see cref="RuleTable.Verdict"/> spells one.</summary>
    public string Expected => RuleTable.Verdict(Rules);

    public override string ToString() => Name;
}

/// <summary>The table. Each row's request is one expression; the analyzer test finds a row by its name, the first argument.</summary>
public static class RuleTable
{
    /// <summary>The rules the table is about.</summary>
    public static readonly string[] RuleIds = { "GCDN001", "GCDN003", "GCDN004", "GCDN005", "GCDN006" };

    /// <summary>A verdict as the three places are compared on it: the distinct rule IDs broken, in order ("" when accepted).</summary>
    public static string Verdict(IEnumerable<string> ruleIds) =>
        string.Join(",", ruleIds.Where(id => Array.IndexOf(RuleIds, id) >= 0).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>256 characters, one more than the spec's maxLength of host_header_override; a constant, as the analyzers need.</summary>
    private const string Long256 = Chars64 + Chars64 + Chars64 + Chars64;
    private const string Chars64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A row by name.</summary>
    public static RuleCase Case(string name) => Cases.Single(c => c.Name == name);

    public static readonly RuleCase[] Cases =
    {
        new("minimal group", () => new Api.OriginGroupCreateParams { Name = "group", Sources = [new Api.HostSource { Source = "example.com" }] }),

        new("full group", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            UseNext = true,
            ProxyNextUpstream = ["error", "timeout", "http_503"],
            Sources =
            [
                new Api.HostSource { Source = "example.com:8080", HostHeaderOverride = "cdn.example.com" },
                new Api.HostSource { Source = "1.2.3.4", Backup = true },
                new Api.S3Source
                {
                    Config = new Api.S3Config
                    {
                        S3Type = Api.S3Type.Amazon,
                        S3BucketName = "bucket",
                        S3Region = "eu-west-1",
                        S3AccessKeyId = "EXAMPLEKEY",
                        S3SecretAccessKey = "0123456789abcdef",
                    },
                },
            ],
        }),

        new("use_next off without cases", () => new Api.OriginGroupCreateParams { Name = "group", UseNext = false, Sources = [new Api.HostSource { Source = "example.com" }] }),

        new("use_next without cases", () => new Api.OriginGroupCreateParams { Name = "group", UseNext = true, Sources = [new Api.HostSource { Source = "example.com" }] }, "GCDN001"),

        new("use_next with empty cases", () => new Api.OriginGroupCreateParams { Name = "group", UseNext = true, ProxyNextUpstream = [], Sources = [new Api.HostSource { Source = "example.com" }] }, "GCDN001"),

        new("use_next with null cases", () => new Api.OriginGroupCreateParams { Name = "group", UseNext = true, ProxyNextUpstream = null, Sources = [new Api.HostSource { Source = "example.com" }] }, "GCDN001"),

        new("undocumented case", () => new Api.OriginGroupCreateParams { Name = "group", ProxyNextUpstream = ["error", "http_418"], Sources = [new Api.HostSource { Source = "example.com" }] }, "GCDN003"),

        new("host header longer than 255", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.HostSource { Source = "example.com", HostHeaderOverride = Long256 }],
        }, "GCDN003"),

        new("S3 type the spec does not list", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.S3Source { Config = new Api.S3Config { S3Type = "azure", S3BucketName = "bucket", S3AccessKeyId = "EXAMPLEKEY", S3SecretAccessKey = "0123456789abcdef" } }],
        }, "GCDN003"),

        new("source with a scheme and a path", () => new Api.OriginGroupCreateParams { Name = "group", Sources = [new Api.HostSource { Source = "https://example.com/images" }] }, "GCDN004"),

        new("source with a port out of range", () => new Api.OriginGroupCreateParams { Name = "group", Sources = [new Api.HostSource { Source = "example.com:70000" }] }, "GCDN004"),

        new("source with an IPv6 address and a port", () => new Api.OriginGroupCreateParams { Name = "group", Sources = [new Api.HostSource { Source = "[2001:db8::1]:8080" }] }),

        new("amazon S3 without a region", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.S3Source { Config = new Api.S3Config { S3Type = Api.S3Type.Amazon, S3BucketName = "bucket", S3AccessKeyId = "EXAMPLEKEY", S3SecretAccessKey = "0123456789abcdef" } }],
        }, "GCDN005"),

        new("other S3 with a blank hostname", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.S3Source { Config = new Api.S3Config { S3Type = Api.S3Type.Other, S3BucketName = "bucket", S3StorageHostname = " ", S3AccessKeyId = "EXAMPLEKEY", S3SecretAccessKey = "0123456789abcdef" } }],
        }, "GCDN005"),

        new("S3 access key too short", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.S3Source { Config = new Api.S3Config { S3Type = Api.S3Type.Other, S3BucketName = "bucket", S3StorageHostname = "s3.example.com", S3AccessKeyId = "KEY", S3SecretAccessKey = "0123456789abcdef" } }],
        }, "GCDN005"),

        new("legacy auth with an amazon secret of 41 characters", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.HostSource { Source = "example.com" }],
            Auth = new Api.Auth { S3Type = "amazon", S3BucketName = "bucket", S3Region = "us-east-2", S3AccessKeyId = "EXAMPLEKEY", S3SecretAccessKey = "0123456789012345678901234567890123456789X" },
        }, "GCDN005"),

        new("only source is a backup", () => new Api.OriginGroupCreateParams { Name = "group", Sources = [new Api.HostSource { Source = "example.com", Backup = true }] }, "GCDN006"),

        new("no source enabled", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.HostSource { Source = "a.example.com", Enabled = false }, new Api.HostSource { Source = "b.example.com", Enabled = false }],
        }, "GCDN006"),

        new("one active source among backups", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            Sources = [new Api.HostSource { Source = "a.example.com", Backup = true }, new Api.HostSource { Source = "b.example.com", Backup = null }],
        }),

        new("several rules at once", () => new Api.OriginGroupCreateParams
        {
            Name = "group",
            UseNext = true,
            Sources = [new Api.HostSource { Source = "http://example.com", Backup = true }],
        }, "GCDN001", "GCDN004", "GCDN006"),
    };
}
