using ClientTests.Json.Shapes;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>
/// Every kind of property the generated writer handles comes back as it was read: values, explicit nulls where the
/// spec allows them, and absence (Specs/json-shapes.yaml).
/// </summary>
public class ShapeRoundTripTests
{
    private static string RoundTrip(string json) =>
        GcoreJson.Serialize(GcoreJson.Deserialize(json, ShapeReplaceParams.ReadJson), static (w, s) => s.WriteJson(w));

    [Fact]
    public void Every_kind_of_value_is_written_back_as_it_was_read()
    {
        string json = """
            {"id": 1, "stamp": 2, "count": 3, "total": 4, "ratio": 0.5, "enabled": true,
             "taken": "2026-11-30T05:00:00+00:00", "uid": "8c4f5a8e-1a34-4b1f-9a5e-2f0c3c1d2e3f", "kind": "large",
             "note": "n", "raw": {"any": [1, "two", null]}, "child": {"name": "c"},
             "names": ["a", "b"], "maybe_names": ["m"], "ids": [5, 6], "small": [7], "grid": [[1, 2], [], [3]],
             "children": [{"name": "x"}, {"name": "y", "future": 1}], "labels": {"k": "v"},
             "groups": {"g": [{"name": "z"}], "empty": []}, "when": "2026-01-02T03:04:05+00:00", "flag": false}
            """;

        JsonAssert.Equivalent(json, RoundTrip(json));
    }

    [Fact]
    public void Nulls_the_spec_allows_are_written_back_as_null()
    {
        string json = """
            {"id": 1, "stamp": null, "count": null, "total": null, "ratio": null, "enabled": null, "taken": null,
             "uid": null, "kind": null, "note": null, "raw": null, "maybe_names": null}
            """;

        JsonAssert.Equivalent(json, RoundTrip(json));
    }

    [Fact]
    public void Absent_properties_stay_absent_and_values_set_in_code_are_written()
    {
        var shape = GcoreJson.Deserialize("""{"id": 1, "stamp": null}""", ShapeReplaceParams.ReadJson);
        Assert.Equal("""{"id":1,"stamp":null}""", GcoreJson.Serialize(shape, static (w, s) => s.WriteJson(w)));

        shape.Count = null;
        shape.Ids = new[] { 9L, 10L };
        shape.Labels = new System.Collections.Generic.Dictionary<string, string> { ["a"] = "b" };
        JsonAssert.Equivalent("""{"id": 1, "stamp": null, "count": null, "ids": [9, 10], "labels": {"a": "b"}}""",
            GcoreJson.Serialize(shape, static (w, s) => s.WriteJson(w)));
    }
}
