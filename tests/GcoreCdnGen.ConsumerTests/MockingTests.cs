using System.Threading;
using System.Threading.Tasks;
using Contoso.Gcore;
using NSubstitute;
using Xunit;

namespace Contoso.Cdn;

/// <summary>
/// For those who prefer a mocking library to the fake: the resource classes are open, with virtual operations and a
/// protected constructor, and the response entities are plain records built without JSON.
/// </summary>
public sealed class MockingTests
{
    /// <summary>User code that depends on one resource's operations only.</summary>
    private static async Task<string> DescribeAsync(GcoreClient.CdnOperations.OriginGroupsOperations groups, long id)
    {
        var group = await groups.GetAsync(id);
        return group.Name + " (" + group.Sources.Count + " sources)";
    }

    [Fact]
    public async Task NSubstitute_stands_in_for_a_resource_with_an_entity_built_in_code()
    {
        var groups = Substitute.For<GcoreClient.CdnOperations.OriginGroupsOperations>();
        groups.GetAsync(7, Arg.Any<CancellationToken>()).Returns(new OriginGroup
        {
            Id = 7,
            Name = "mocked",
            Sources = [new OriginGroupHostSource { Source = "a.example.com" }, new OriginGroupHostSource { Source = "b.example.com" }],
        });

        Assert.Equal("mocked (2 sources)", await DescribeAsync(groups, 7));
        await groups.Received(1).GetAsync(7, Arg.Any<CancellationToken>());
    }
}
