// Walks through Gcore's origin-groups API with the generated client: create, list, get, update (PATCH),
// replace (PUT), one deliberate validation error, delete.
// Without GCORE_API_KEY it runs against the generated in-memory fake (GcoreClientFake: the project sets GenerateFake="true");
// with it, against GCORE_BASE_URL (default https://api.gcore.com).
// With --faults (or SAMPLE_FAULTS=1) the fake answers the list call with a 503, then a 429 with Retry-After: 1, and
// prints every request it gets, so the client's retries can be watched.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OriginGroups.Gcore;

var problems = new List<string>();
bool useFake = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GCORE_API_KEY"));
bool faults = args.Contains("--faults") || Environment.GetEnvironmentVariable("SAMPLE_FAULTS") == "1";

var fake = useFake
    ? new GcoreClientFake { Log = faults ? line => Console.WriteLine("    " + line) : null }
    : null;
// The fake answers in memory, through the HttpClient it makes: no socket, no server. Its waits are real here (so that
// --faults shows the retries); a test would also pass TimeProvider = fake.Clock to make them instant.
using var gcore = fake is null
    ? new GcoreClient()
    : new GcoreClient(new GcoreClientOptions { ApiKey = "sample-key", HttpClient = fake.CreateHttpClient() });
Console.WriteLine(fake is null
    ? $"Talking to {gcore.BaseUrl} (GCORE_API_KEY is set)."
    : "GCORE_API_KEY is not set: talking to the in-memory fake (GcoreClientFake).");
if (faults && fake is null)
    Console.WriteLine("--faults needs the local fake (unset GCORE_API_KEY): ignored.");
if (faults && fake is not null)
{
    Console.WriteLine("--faults: the fake will answer the first list call with a 503, then a 429 (Retry-After: 1).");
    bool IsPagedList(GcoreFakeRequest r) => r.Method == "GET" && r.PathAndQuery.StartsWith("/cdn/origin_groups?limit=", StringComparison.Ordinal);
    fake.Faults
        .Enqueue(GcoreFakeFault.Status(503).When(IsPagedList))
        .Enqueue(GcoreFakeFault.Status(429, retryAfter: TimeSpan.FromSeconds(1)).When(IsPagedList));
}

var origins = gcore.Cdn.OriginGroups;
string name = $"gcorecdngen-sample-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
const string host = "origin.gcorecdngen-sample.com";
const string Masked = "SECRET_VALUE"; // how Gcore shows S3 keys it has stored
long? createdId = null;

try
{
    Step("1. Create a group with a host source and a backup S3 source");
    var created = await origins.CreateAsync(new OriginGroupCreateParams
    {
        Name = name,
        Sources =
        [
            new HostSource { Source = host },
            new S3Source
            {
                Config = new S3Config
                {
                    S3Type = S3Type.Amazon,
                    S3BucketName = "gcorecdngen-sample-assets",
                    S3Region = "eu-west-1",
                    S3AccessKeyId = "SAMPLEKEYID0001",
                    S3SecretAccessKey = "sample/secret/access/key/0001",
                },
                Backup = true,
            },
        ],
        UseNext = true,
        ProxyNextUpstream = ["error", "timeout"],
    });
    createdId = created.Id;
    Print(created);
    Check(created.Name == name, "the group has the name we gave");
    Check(created.Sources.Count == 2, "the group has 2 sources");
    Check(created.Sources.OfType<OriginGroupHostSource>().Any(h => h.Source == host), $"one source is the host {host}");
    var s3 = created.Sources.OfType<OriginGroupS3Source>().FirstOrDefault();
    Check(s3 is { Backup: true }, "the S3 source is a backup");
    Check(s3 is { Config: { S3AccessKeyId: Masked, S3SecretAccessKey: Masked } }, "the S3 keys come back masked");
    Check(created.UseNext == true && created.ProxyNextUpstream?.SequenceEqual(["error", "timeout"]) == true,
        "use_next is on, for error and timeout");

    Step("2. List the groups");
    int sentBefore = fake?.Requests.Count ?? 0;
    var clock = Stopwatch.StartNew();
    var page = await origins.ListAsync(limit: 100);
    Console.WriteLine($"  ListAsync(limit: 100): Count = {page.Count}, IsPaginated = {page.IsPaginated}, {page.Results.Count} on this page");
    if (faults && fake is not null)
    {
        int attempts = fake.Requests.Count - sentBefore;
        Console.WriteLine($"  ListAsync(limit: 100) took {attempts} attempts and {clock.Elapsed.TotalSeconds:0.0} s: the client retried the 503 and the 429 by itself.");
        Check(attempts == 3 && fake.Faults.Pending == 0, "the list came through after a 503 and a 429");
    }

    Check(page.IsPaginated && page.Count >= page.Results.Count, "with a limit the answer is a page");
    var all = await origins.ListAsync();
    Console.WriteLine($"  ListAsync():           Count = {all.Count}, IsPaginated = {all.IsPaginated}");
    Check(!all.IsPaginated && all.Count == all.Results.Count, "without a limit the answer is the bare list");
    Check(all.Results.Any(g => g.Id == created.Id && g.Name == name), "the list contains our group");

    Step("3. Get it by id");
    var fetched = await origins.GetAsync(created.Id);
    Print(fetched);
    Check(fetched.Name == name && fetched.Sources.Count == 2, "it is the group we created");

    Step("4. Update it (PATCH): new name, use_next off");
    var updated = await origins.UpdateAsync(created.Id, new OriginGroupUpdateParams { Name = name + "-patched", UseNext = false });
    Print(updated);
    Check(updated.Name == name + "-patched" && updated.UseNext == false, "the name and use_next changed");
    Check(updated.Sources.Count == 2, "the sources were left alone");

    Step("5. Replace it (PUT): keep only the host source");
    var replaced = await origins.ReplaceAsync(created.Id, new OriginGroupReplaceParams
    {
        Name = name,
        UseNext = false,
        Sources = [new HostSource { Source = host }],
    });
    Print(replaced);
    Check(replaced.Name == name && replaced.Sources is [OriginGroupHostSource { Source: host }], "only the host source is left");

    Step("6. Create a group with a bad source (scheme and path): a 400 is expected");
    try
    {
        // A scheme in a source is what analyzer warning GCDN004 is for; here the mistake is on purpose, to see the server's answer.
#pragma warning disable GCDN004
        var bad = await origins.CreateAsync(new OriginGroupCreateParams
        {
            Name = name + "-bad",
            Sources = [new HostSource { Source = "https://bad.example.org/path" }],
        });
#pragma warning restore GCDN004
        Check(false, $"the server accepted the bad source (group #{bad.Id}); deleting it");
        await origins.DeleteAsync(bad.Id);
    }
    catch (GcoreBadRequestException e)
    {
        Console.WriteLine($"  Rejected as expected: HTTP {e.StatusCode}");
        foreach (var (field, messages) in e.ValidationErrors)
            Console.WriteLine($"    {field}: {string.Join("; ", messages)}");
        Check(e.ValidationErrors.Count > 0, "the 400 names the fields in error");
    }

    Step("7. Delete the group, then get it again");
    await origins.DeleteAsync(created.Id);
    createdId = null;
    Console.WriteLine($"  Deleted #{created.Id}");
    try
    {
        var ghost = await origins.GetAsync(created.Id);
        Check(false, $"the deleted group can still be read (\"{ghost.Name}\")");
    }
    catch (GcoreNotFoundException e)
    {
        Console.WriteLine($"  GetAsync({created.Id}) -> {e.GetType().Name}: HTTP {e.StatusCode} {e.Body}");
        Check(true, "the group is gone");
    }
}
catch (Exception e)
{
    problems.Add($"unexpected {e.GetType().Name}: {e.Message}");
    Console.WriteLine($"Unexpected error: {e}");
}
finally
{
    if (createdId is long id)
    {
        try { await origins.DeleteAsync(id); Console.WriteLine($"Cleaned up group #{id}."); }
        catch (Exception e) { Console.WriteLine($"Could not delete group #{id}: {e.Message}"); }
    }
}

Console.WriteLine();
if (problems.Count == 0)
{
    Console.WriteLine("All steps behaved as expected.");
    return 0;
}

Console.WriteLine($"{problems.Count} unexpected result(s):");
foreach (var problem in problems)
    Console.WriteLine($"  - {problem}");
return 1;

void Step(string title) => Console.WriteLine($"{Environment.NewLine}{title}");

void Check(bool ok, string expectation)
{
    Console.WriteLine($"  [{(ok ? "ok" : "FAIL")}] {expectation}");
    if (!ok)
        problems.Add(expectation);
}

static void Print(OriginGroup group)
{
    Console.WriteLine($"  #{group.Id} \"{group.Name}\" use_next={group.UseNext} proxy_next_upstream=[{string.Join(", ", group.ProxyNextUpstream ?? [])}]");
    foreach (var source in group.Sources)
    {
        string text = source switch
        {
            OriginGroupHostSource h => $"host      {h.Source}",
            OriginGroupS3Source s => $"s3        bucket={s.Config.S3BucketName} type={s.Config.S3Type} region={s.Config.S3Region}"
                + $" access_key_id={Shown(s.Config.S3AccessKeyId)} secret_access_key={Shown(s.Config.S3SecretAccessKey)}",
            OriginGroupFastedgeSource f => $"fastedge  app_id={f.Config.AppId}",
            _ => $"unknown   {source.GetType().Name}",
        };
        Console.WriteLine($"    - {text} (backup={source.Backup}, enabled={source.Enabled})");
    }
}

// The server should mask S3 keys; if it ever does not, they are not echoed here.
static string Shown(string key) => key == Masked ? key : "<unmasked value withheld>";
