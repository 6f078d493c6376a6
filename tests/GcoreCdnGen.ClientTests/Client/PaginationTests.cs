using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Web;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary><c>ListAllAsync</c>: walks limit/offset until count is reached or a page repeats the last, and takes a bare array as the whole list.</summary>
public class PaginationTests : ClientTestBase
{
    private static string Page(long count, params long[] ids) =>
        "{\"count\": " + count + ", \"next\": null, \"previous\": null, \"results\": [" + string.Join(", ", ids.Select(id => Payloads.GroupWith(id, "g" + id))) + "]}";

    private static async Task<List<long>> Ids(IAsyncEnumerable<OriginGroup> groups)
    {
        var ids = new List<long>();
        await foreach (var group in groups)
            ids.Add(group.Id);
        return ids;
    }

    [Fact]
    public async Task Walks_offset_until_count_is_reached()
    {
        Server.Answer(200, Page(5, 1, 2)).Answer(200, Page(5, 3, 4)).Answer(200, Page(5, 5));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync(name: "g", limit: 2));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ids);
        Assert.Equal(
            new[] { "/cdn/origin_groups?name=g&limit=2&offset=0", "/cdn/origin_groups?name=g&limit=2&offset=2", "/cdn/origin_groups?name=g&limit=2&offset=4" },
            Server.Calls.Select(c => c.Target));
    }

    [Fact]
    public async Task Asks_for_the_largest_page_the_spec_allows_by_default()
    {
        Server.Answer(200, Page(2, 1, 2));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync());

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Equal("/cdn/origin_groups?limit=1000&offset=0", Server.SingleCall.Target);
    }

    [Fact]
    public async Task Starts_at_the_given_offset()
    {
        Server.Answer(200, Page(4, 3, 4));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync(limit: 10, offset: 2));

        Assert.Equal(new long[] { 3, 4 }, ids);
        Assert.Equal("/cdn/origin_groups?limit=10&offset=2", Server.SingleCall.Target);
    }

    [Fact]
    public async Task A_bare_array_is_yielded_once_and_no_other_page_is_asked_for()
    {
        Server.Answer(200, "[" + Payloads.GroupWith(1, "a") + ", " + Payloads.GroupWith(2, "b") + "]").Answer(200, "[]");

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync(limit: 1));

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task An_empty_page_ends_the_walk_even_when_count_says_more()
    {
        Server.Answer(200, Page(10, 1, 2)).Answer(200, Page(10)).Answer(200, Page(10, 3));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync(limit: 2));

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Equal(2, Server.Calls.Count);
    }

    [Fact]
    public async Task An_empty_list_is_one_request()
    {
        Server.Answer(200, Page(0));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync());

        Assert.Empty(ids);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_enumeration_starts()
    {
        var groups = Client.Cdn.OriginGroups.ListAllAsync();
        Assert.Empty(Server.Calls);

        Server.Answer(200, Page(1, 1));
        Assert.Equal(new long[] { 1 }, await Ids(groups));
    }

    [Fact]
    public async Task An_error_on_a_later_page_surfaces_after_the_items_already_yielded()
    {
        Server.Answer(200, Page(4, 1, 2)).Answer(403, """{"message": "no"}""");
        var ids = new List<long>();

        await Assert.ThrowsAsync<GcorePermissionDeniedException>(async () =>
        {
            await foreach (var group in Client.Cdn.OriginGroups.ListAllAsync(limit: 2))
                ids.Add(group.Id);
        });

        Assert.Equal(new long[] { 1, 2 }, ids);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_before_the_next_page()
    {
        Server.Answer(200, Page(4, 1, 2)).Answer(200, Page(4, 3, 4));
        using var cts = new CancellationTokenSource();
        var ids = new List<long>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var group in Client.Cdn.OriginGroups.ListAllAsync(limit: 2).WithCancellation(cts.Token))
            {
                ids.Add(group.Id);
                await cts.CancelAsync();
            }
        });

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task Against_the_fake_every_group_comes_once_in_id_order()
    {
        var fake = new GcoreClientFake();
        using var client = new GcoreClient(new GcoreClientOptions { ApiKey = "test-key", HttpClient = fake.CreateHttpClient(), MaxRetries = 0 });
        for (int i = 0; i < 7; i++)
            await client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = "page-" + i, Sources = [new HostSource { Source = "yourwebsite.com" }] });
        fake.ClearRequests();

        var names = new List<string>();
        await foreach (var group in client.Cdn.OriginGroups.ListAllAsync(limit: 3))
            names.Add(group.Name);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "page-" + i), names);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_ignores_offset_gets_two_requests_and_no_duplicates()
    {
        // count says 1000, but every page is the first one again.
        for (int i = 0; i < 50; i++)
            Server.Answer(200, Page(1000, 1, 2));

        var ids = await Ids(Client.Cdn.OriginGroups.ListAllAsync(limit: 2));

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Equal(new[] { "/cdn/origin_groups?limit=2&offset=0", "/cdn/origin_groups?limit=2&offset=2" }, Server.Calls.Select(c => c.Target));
    }

    [Fact]
    public async Task A_walk_whose_count_never_runs_out_ends_after_MaxPages_with_an_exception()
    {
        // Every page is new and count is a billion: only the bound ends the walk. In memory, to keep 10,000 pages quick.
        using var http = new HttpClient(new EndlessPages());
        using var client = NewClient(o => o.HttpClient = http);
        int items = 0;

        var ex = await Assert.ThrowsAsync<GcoreException>(async () =>
        {
            await foreach (var _ in client.Cdn.OriginGroups.ListAllAsync(limit: 1))
                items++;
        });

        Assert.Equal(GcorePaging.MaxPages, items);
        Assert.Contains("10000 pages", ex.Message);
    }

    /// <summary>Answers any list request with one new group at the requested offset, and a count of a billion.</summary>
    private sealed class EndlessPages : HttpMessageHandler
    {
        private int _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) > 2 * GcorePaging.MaxPages)
                throw new InvalidOperationException("The walk was not bounded.");
            long offset = long.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["offset"]!, CultureInfo.InvariantCulture);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(Page(1_000_000_000, offset + 1), Encoding.UTF8, "application/json"),
            });
        }
    }
}
