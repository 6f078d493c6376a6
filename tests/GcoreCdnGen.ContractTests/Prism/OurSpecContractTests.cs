using System;
using System.Threading.Tasks;
using Contract.Ours;
using Xunit;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>
/// The client generated from our own spec/gcore-origin-groups.yaml (the one the sample and README use) against Prism
/// mocking Gcore's published document: what our spec makes the client send is what Gcore's document accepts.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class OurSpecContractTests(PrismFixture prism)
{
    private OursClient Client(string which) => new(new OursClientOptions
    {
        ApiKey = "prism-contract-key",
        BaseUrl = (which == "published" ? prism.Published : prism.AnyOf).BaseUrl,
        MaxRetries = 0,
    });

    private static S3Source S3() => new()
    {
        OriginType = OriginType.S3,
        Config = new S3Config
        {
            S3Type = S3Type.Other,
            S3BucketName = "assets",
            S3StorageHostname = "s3.example.com",
            S3AccessKeyId = "EXAMPLEFODNN7EXAMPLE",
            S3SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        },
    };

    private static void AssertAccepted(GcoreResponse response, int status)
    {
        var violations = Violation.OfRequest(response.Headers);
        Assert.True(violations.Count == 0, Violation.Describe(violations));
        Assert.Equal(status, response.StatusCode);
    }

    [Theory]
    [InlineData("published")]
    [InlineData("anyOf")]
    public async Task Create_list_get_replace_delete_are_accepted_and_read(string which)
    {
        using var client = Client(which);
        var groups = client.Cdn.OriginGroups.WithRawResponse;

        var created = await groups.CreateAsync(new OriginGroupCreateParams { Name = "ours", Sources = [new HostSource { Source = "origin.example.com" }, S3()] });
        AssertAccepted(created, 201);
        Assert.NotEmpty(created.Value.Sources);

        var page = await groups.ListAsync(name: "ours", sources: "origin.example.com", hasRelatedResources: false, limit: 1000, offset: 10);
        AssertAccepted(page, 200);
        Assert.NotEmpty(page.Value.Results);

        var one = await groups.GetAsync(created.Value.Id);
        AssertAccepted(one, 200);
        Assert.Equal(created.Value.Id, one.Value.Id);

        var replaced = await groups.ReplaceAsync(1, new OriginGroupReplaceParams { Name = "ours", UseNext = false, Sources = [new HostSource { Source = "origin.example.com", Backup = false }, S3()] });
        AssertAccepted(replaced, 200);
        Assert.NotEmpty(replaced.Value.Sources);

        AssertAccepted(await groups.DeleteAsync(1), 204);
    }

    [Fact]
    public async Task Update_is_accepted_by_the_anyOf_reading_and_reads()
    {
        using var client = Client("anyOf");

        var updated = await client.Cdn.OriginGroups.WithRawResponse.UpdateAsync(1, new OriginGroupUpdateParams
        {
            Name = "ours",
            UseNext = true,
            ProxyNextUpstream = ["error", "timeout"],
            Sources = [new HostSource { Source = "origin.example.com", HostHeaderOverride = null }, S3()],
        });

        AssertAccepted(updated, 200);
        Assert.NotEmpty(updated.Value.Sources);
    }
}
