using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>A source of a kind the spec does not list yet still shows what every kind has.</summary>
public class UnknownVariantTests : ClientTestBase
{
    private const string FtpSource = """{"origin_type": "ftp", "backup": true, "enabled": false, "host_header_override": "files.example.com", "config": {"ftp_host": "f.example.com"}}""";

    [Fact]
    public async Task An_unknown_source_from_the_server_exposes_backup_enabled_and_host_header_override()
    {
        Server.Answer(200, """{"id": 3, "name": "g", "sources": [""" + FtpSource + "]}");

        var group = await Client.Cdn.OriginGroups.GetAsync(3);

        var source = Assert.IsType<OriginGroupSource.Unknown>(Assert.Single(group.Sources));
        Assert.True(source.Backup);
        Assert.False(source.Enabled);
        Assert.Equal("files.example.com", source.HostHeaderOverride);
    }

    [Fact]
    public void Reading_the_shared_properties_leaves_the_JSON_as_it_came_and_setting_one_replaces_it()
    {
        var source = GcoreJson.Deserialize(FtpSource, OriginGroupSource.ReadJson);
        Assert.True(source.Backup);
        Assert.False(source.IsSet(nameof(OriginGroupSource.Backup)));
        JsonAssert.Equivalent(FtpSource, GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)));

        source.Enabled = true;

        Assert.Contains("\"enabled\":true", GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)));
    }

    [Fact]
    public void A_shared_property_of_the_wrong_kind_reads_as_unset_and_the_others_still_read()
    {
        var source = GcoreJson.Deserialize("""{"origin_type": "ftp", "backup": "yes", "enabled": true}""", Source.ReadJson);

        Assert.IsType<Source.Unknown>(source);
        Assert.Null(source.Backup);
        Assert.True(source.Enabled);
    }
}
