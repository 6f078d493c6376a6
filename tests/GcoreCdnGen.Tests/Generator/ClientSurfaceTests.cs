using GcoreCdnGen.Tests.TestInfrastructure;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// The client's production surface (per-call options, raw responses, paging, the exception hierarchy, TimeProvider)
/// compiles as a user writes it, on net8.0 with C# 12 and on net10.0, for our spec and for Gcore's document.
/// </summary>
public class ClientSurfaceTests
{
    private const string Code = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Test.Gcore;

        public static class Surface
        {
            public static async Task<int> RunAsync(CancellationToken ct)
            {
                using var client = new GcoreClient(new GcoreClientOptions
                {
                    ApiKey = "key",
                    BaseUrl = new Uri("http://127.0.0.1:1"),
                    MaxRetries = 4,
                    Timeout = TimeSpan.FromSeconds(30),
                    InitialRetryDelay = TimeSpan.FromSeconds(1),
                    MaxRetryDelay = TimeSpan.FromSeconds(4),
                    TimeProvider = TimeProvider.System,
                });

                GcoreClient once = client.WithOptions(o =>
                {
                    o.MaxRetries = 0;
                    o.Timeout = TimeSpan.FromSeconds(5);
                    o.Headers["X-Trace"] = "1";
                });
                GcoreClient reusable = client.WithOptions(new GcoreRequestOptions { InitialRetryDelay = TimeSpan.Zero });

                GcoreResponse<OriginGroup> raw = await once.Cdn.OriginGroups.WithRawResponse.GetAsync(1, ct);
                int status = raw.StatusCode;
                string? requestId = raw.Header("X-Request-Id");
                IReadOnlyList<string> all = raw.Headers["Content-Type"];
                ReadOnlyMemory<byte> body = raw.Body;
                OriginGroup value = raw.Value;
                GcoreResponse deleted = await client.Cdn.OriginGroups.WithRawResponse.DeleteAsync(value.Id, ct);
                GcoreResponse<OriginGroupList> page = await reusable.Cdn.OriginGroups.WithRawResponse.ListAsync(limit: 10, cancellationToken: ct);

                int count = 0;
                await foreach (OriginGroup group in client.Cdn.OriginGroups.ListAllAsync(name: "a", limit: 100, cancellationToken: ct))
                    count += group.Name.Length;
                await foreach (var group in client.Cdn.OriginGroups.ListAllAsync().WithCancellation(ct).ConfigureAwait(false))
                    count++;

                try
                {
                    await client.Cdn.OriginGroups.GetAsync(1, ct);
                }
                catch (GcoreBadRequestException e)
                {
                    foreach (var (field, messages) in e.ValidationErrors)
                        count += field.Length + messages.Count;
                    count += e.Request?.Length ?? 0;
                }
                catch (GcoreRateLimitException e) when (e.Headers.ContainsKey("Retry-After"))
                {
                    count += e.StatusCode;
                }
                catch (GcoreApiException e)
                {
                    count += e.StatusCode + (e.Body?.Length ?? 0);
                }
                catch (GcoreTimeoutException)
                {
                    count--;
                }
                catch (GcoreConnectionException)
                {
                    count--;
                }
                catch (GcoreResponseException e)
                {
                    count += e.StatusCode;
                }
                catch (GcoreException)
                {
                    count--;
                }

                return count + status + all.Count + body.Length + (requestId?.Length ?? 0) + deleted.StatusCode + page.StatusCode;
            }
        }
        """;

    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void OurSpec_SurfaceCompilesWithoutWarnings(TargetFramework framework)
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.OurSpec), Code, framework);

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
    }

    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void GcoreDocument_SurfaceCompilesWithoutWarnings(TargetFramework framework)
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.RequireGcoreSpec(), tags: "Origins"), Code, framework);

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
    }
}
