namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Code a user writes against the generated origin-groups API. It must compile unchanged against the types generated
/// from our spec/ and from Gcore's own document.
/// </summary>
public static class UserCode
{
    public const string OriginGroups = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Test.Gcore;

        public static class UserCode
        {
            public static async Task<long> RunAsync(CancellationToken ct)
            {
                using var client = new GcoreClient(new GcoreClientOptions { ApiKey = "key", BaseUrl = new Uri("http://127.0.0.1:1") });
                var created = await client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
                {
                    Name = "static-assets",
                    Sources =
                    [
                        new HostSource { Source = "origin.example.com", HostHeaderOverride = null },
                        new HostSource { Source = "1.2.3.4:5500", Backup = true, Enabled = true },
                        new S3Source
                        {
                            Config = new S3Config
                            {
                                S3Type = S3Type.Amazon,
                                S3BucketName = "assets",
                                S3Region = "eu-west-1",
                                S3AccessKeyId = "EXAMPLEKEY",
                                S3SecretAccessKey = "EXAMPLESECRET123456",
                            },
                            Backup = true,
                        },
                        new FastedgeSource { Config = new FastedgeConfig { AppId = "12345" } },
                    ],
                    UseNext = true,
                    ProxyNextUpstream = ["error", "timeout", "http_502"],
                }, ct);

                long id = created.Id;
                string name = created.Name;
                bool? related = created.HasRelatedResources;
                foreach (var source in created.Sources)
                {
                    bool? enabled = source.Enabled;
                    string? header = source.HostHeaderOverride;
                    switch (source)
                    {
                        case OriginGroupHostSource host: Console.WriteLine(host.Source); break;
                        case OriginGroupS3Source s3: Console.WriteLine(s3.Config.S3BucketName + s3.OriginType); break;
                        case OriginGroupFastedgeSource edge: Console.WriteLine(edge.Config.AppId); break;
                    }
                }

                OriginGroupList page = await client.Cdn.OriginGroups.ListAsync(name: "a", sources: "b", hasRelatedResources: true, limit: 10, offset: 0, cancellationToken: ct);
                IList<OriginGroup> results = page.Results;
                long? count = page.Count;
                bool paginated = page.IsPaginated;
                string? next = page.Next;

                OriginGroup one = await client.Cdn.OriginGroups.GetAsync(id, ct);
                await client.Cdn.OriginGroups.UpdateAsync(id, new OriginGroupUpdateParams { Name = "static-assets", UseNext = false }, ct);
                await client.Cdn.OriginGroups.ReplaceAsync(id, new OriginGroupReplaceParams
                {
                    Name = "static-assets",
                    UseNext = false,
                    Sources = [new HostSource { Source = "origin.example.com" }],
                }, ct);
                await client.Cdn.OriginGroups.DeleteAsync(id, ct);

                try
                {
                    await client.Cdn.OriginGroups.GetAsync(id, ct);
                }
                catch (GcoreNotFoundException e)
                {
                    Console.WriteLine(e.StatusCode + e.Body);
                }
                catch (GcoreBadRequestException e)
                {
                    foreach (var (field, messages) in e.ValidationErrors)
                        Console.WriteLine(field + string.Join(";", messages));
                }
                catch (GcoreApiException e)
                {
                    IReadOnlyDictionary<string, IReadOnlyList<string>> headers = e.Headers;
                    Console.WriteLine(headers.Count);
                }

                return id + one.Id + results.Count + (count ?? 0) + (paginated ? 1 : 0) + (next?.Length ?? 0) + name.Length + (related == true ? 1 : 0);
            }
        }
        """;
}
