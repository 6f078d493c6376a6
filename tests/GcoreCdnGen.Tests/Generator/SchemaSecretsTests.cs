using System;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Log and error redaction know a spec's secret fields by its schema: every property that is <c>writeOnly</c>, has
/// <c>format: password</c> or a secret-looking name is listed in the generated <c>GcoreSchemaSecrets</c>, whatever it is called.
/// </summary>
public class SchemaSecretsTests
{
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Secrets
          version: 1.0.0
        servers:
        - url: https://api.example.com
        paths:
          /vaults:
            post:
              operationId: create-vault
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name:
                          type: string
                        signing_value:
                          type: string
                          writeOnly: true
                        pin:
                          type: string
                          format: password
                        nested:
                          type: object
                          properties:
                            private_key:
                              type: string
                            label:
                              type: string
              responses:
                '204':
                  description: Created.
        """;

    [Fact]
    public void Every_property_the_schema_marks_secret_is_listed_and_the_others_are_not()
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/secrets.yaml", Spec));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        string text = run.Sources.Single(s => s.HintName == "Test.Gcore.GcoreSchemaSecrets.g.cs").SourceText.ToString();
        string[] listed = text.Split('\n').Where(l => l.Contains("names.Add(", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(["names.Add(\"pin\");", "names.Add(\"private_key\");", "names.Add(\"signing_value\");"], listed);
    }

    [Fact]
    public void A_spec_without_secret_fields_gets_no_list()
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/plain.yaml", Spec.Replace("writeOnly: true", "description: plain").Replace("format: password", "description: plain").Replace("private_key", "public_label")));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("GcoreSchemaSecrets.g.cs", StringComparison.Ordinal));
    }
}
