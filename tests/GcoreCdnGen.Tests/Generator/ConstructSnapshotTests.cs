using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Xunit;
using Xunit.Sdk;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// One tiny spec per construct, each snapshotting every file it generates (the support runtime aside): the branches of
/// the emitters that the origin-groups spec never reaches (maps, number and date/uuid formats, nested arrays, an enum
/// in a path, a union that falls back to <c>Unknown</c>, a bare list beside a paginated envelope, Markdown in descriptions)
/// are pinned here, so a refactor of an emitter shows any change it makes to them.
/// </summary>
public class ConstructSnapshotTests
{
    private const string Head = """
        openapi: 3.1.0
        info:
          title: Construct
          version: 1.0.0
        servers:
        - url: https://api.example.com
        """;

    public static TheoryData<string> Constructs() => new(Specs.Keys.OrderBy(k => k, StringComparer.Ordinal));

    private static readonly Dictionary<string, string> Specs = new()
    {
        ["map"] = Head + """

            paths:
              /labels:
                get:
                  operationId: get-labels
                  responses:
                    '200':
                      description: The labels.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Labels'
            components:
              schemas:
                Labels:
                  type: object
                  required: [counts]
                  properties:
                    counts:
                      type: object
                      additionalProperties:
                        type: integer
                    owners:
                      type: object
                      additionalProperties:
                        $ref: '#/components/schemas/Owner'
                Owner:
                  type: object
                  properties:
                    name:
                      type: string
            """,

        ["scalars"] = Head + """

            paths:
              /samples/{sample_id}:
                put:
                  operationId: put-sample
                  parameters:
                  - in: path
                    name: sample_id
                    required: true
                    schema:
                      type: string
                      format: uuid
                  - in: query
                    name: since
                    schema:
                      type: string
                      format: date-time
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Sample'
                  responses:
                    '200':
                      description: The stored sample.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Sample'
            components:
              schemas:
                Sample:
                  type: object
                  required: [id, count, ratio, taken]
                  properties:
                    id:
                      type: string
                      format: uuid
                    count:
                      type: integer
                      format: int32
                    total:
                      type: integer
                      format: int64
                    ratio:
                      type: number
                      format: double
                    weight:
                      type:
                      - number
                      - 'null'
                    taken:
                      type: string
                      format: date-time
                    checked:
                      type:
                      - string
                      - 'null'
                      format: date-time
                    enabled:
                      type: boolean
            """,

        ["nested-arrays"] = Head + """

            paths:
              /grids:
                post:
                  operationId: create-grid
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Grid'
                  responses:
                    '204':
                      description: Stored.
            components:
              schemas:
                Grid:
                  type: object
                  required: [rows]
                  properties:
                    rows:
                      type: array
                      items:
                        type: array
                        items:
                          type: integer
                    cells:
                      type: array
                      items:
                        type: array
                        items:
                          $ref: '#/components/schemas/Cell'
                    tags:
                      type: array
                      items:
                        type: string
                Cell:
                  type: object
                  properties:
                    value:
                      type: string
            """,

        ["enum-path"] = Head + """

            paths:
              /reports/{kind}:
                get:
                  operationId: get-report
                  summary: Get report
                  parameters:
                  - in: path
                    name: kind
                    required: true
                    schema:
                      $ref: '#/components/schemas/ReportKind'
                  - in: query
                    name: format
                    schema:
                      type: string
                      enum: [csv, json]
                  responses:
                    '200':
                      description: The report.
                      content:
                        application/json:
                          schema:
                            type: string
            components:
              schemas:
                ReportKind:
                  type: string
                  enum: [daily, weekly, per-month]
            """,

        ["union-unknown"] = Head + """

            paths:
              /targets/{id}:
                get:
                  operationId: get-target
                  parameters:
                  - in: path
                    name: id
                    required: true
                    schema:
                      type: integer
                  responses:
                    '200':
                      description: The target.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Target'
            components:
              schemas:
                Target:
                  oneOf:
                  - $ref: '#/components/schemas/HostTarget'
                  - $ref: '#/components/schemas/BucketTarget'
                HostTarget:
                  type: object
                  required: [host]
                  properties:
                    host:
                      type: string
                    port:
                      type: integer
                    enabled:
                      type: boolean
                BucketTarget:
                  type: object
                  required: [bucket, region]
                  properties:
                    bucket:
                      type: string
                    region:
                      $ref: '#/components/schemas/Region'
                    enabled:
                      type: boolean
                Region:
                  type: object
                  required: [code]
                  properties:
                    code:
                      type: string
            """,

        ["markdown"] = Head + """

            paths:
              /notes:
                post:
                  operationId: create-note
                  summary: Create note
                  description: |-
                    Stores a note. Send **plain text**; `<b>` & friends are kept as text.

                    Limits:
                    - **length** - at most 100 characters, see `max_length`.
                    * one **unclosed bold and a stray ` backtick stay as they are.
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Note'
                  responses:
                    '204':
                      description: Stored.
            components:
              schemas:
                Note:
                  type: object
                  description: A note; `text` is **required**.
                  required: [text]
                  properties:
                    text:
                      type: string
                      description: |-
                        The note's text.
                        - Markdown is not rendered: `**x**` stays `**x**` in the note.
                        - An `a < b && c > d` comparison is fine.
            """,

        ["lists"] = Head + """

            paths:
              /items:
                get:
                  operationId: get-items
                  summary: Get items
                  parameters:
                  - in: query
                    name: limit
                    schema:
                      type: integer
                      maximum: 500
                  - in: query
                    name: offset
                    schema:
                      type: integer
                  responses:
                    '200':
                      description: A page of items, or all of them.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/ItemList'
              /tags:
                get:
                  operationId: get-tags
                  responses:
                    '200':
                      description: Every tag.
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/Item'
            components:
              schemas:
                ItemList:
                  oneOf:
                  - type: array
                    items:
                      $ref: '#/components/schemas/Item'
                  - type: object
                    required: [count, results]
                    properties:
                      count:
                        type: integer
                      results:
                        type: array
                        items:
                          $ref: '#/components/schemas/Item'
                Item:
                  type: object
                  required: [id]
                  properties:
                    id:
                      type: integer
                    name:
                      type: string
            """,
        // Bodies and responses beyond JSON objects: a JSON array body, multipart with a file list, a form, raw bytes,
        // a text and a binary response, a header parameter, query arrays in both explode styles, a union query value.
        ["bodies"] = Head + """

            paths:
              /files:
                get:
                  operationId: list-files
                  parameters:
                  - {name: X-Trace, in: header, schema: {type: string}}
                  - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
                  - {name: tag, in: query, schema: {type: array, items: {type: string}}}
                  - {name: since, in: query, schema: {anyOf: [{type: string, format: date-time}, {type: string}]}}
                  responses:
                    '200':
                      description: The listing, as text.
                      content:
                        text/plain:
                          schema: {type: string}
                post:
                  operationId: upload-files
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [files]
                          properties:
                            files: {type: array, items: {type: string, format: binary}}
                            note: {type: string}
                  responses:
                    '201':
                      description: Stored.
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [count]
                            properties:
                              count: {type: integer}
              /files/{id}:
                get:
                  operationId: download-file
                  parameters:
                  - {name: id, in: path, required: true, schema: {allOf: [{$ref: '#/components/schemas/FileId'}]}}
                  responses:
                    '200':
                      description: The file.
                      content:
                        application/zip:
                          schema: {type: string, format: binary}
                put:
                  operationId: replace-file
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                  requestBody:
                    required: true
                    content:
                      application/octet-stream:
                        schema: {type: string, format: binary}
                  responses:
                    '204': {description: Replaced.}
              /files/{id}/tags:
                put:
                  operationId: replace-tags
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: array, items: {type: string}}
                  responses:
                    '204': {description: Replaced.}
              /tokens:
                post:
                  operationId: create-token
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          required: [grant_type]
                          properties:
                            grant_type: {type: string}
                            ttl: {type: integer}
                  responses:
                    '204': {description: Created.}
            components:
              schemas:
                FileId:
                  type: integer
            """,
    };

    /// <summary>Every file a construct's spec generates matches its snapshot, and the whole compiles without warnings.</summary>
    [Theory]
    [MemberData(nameof(Constructs))]
    public void Construct_GeneratesItsSnapshots(string construct)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/" + construct + ".yaml", Specs[construct], "Construct"));
        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));

        var support = SnapshotTests.SupportHintNames("Construct");
        var sources = run.Sources.Where(s => !support.Contains(s.HintName)).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.True(sources.Count > 1, "the spec generated no types");

        // Every file is compared (and its received text written) before the test fails, so one run shows every change.
        var failures = new List<string>();
        foreach (var source in sources)
        {
            try
            {
                Snapshot.Verify(source.HintName.Replace(".g.cs", ""), source.SourceText.ToString());
            }
            catch (XunitException ex)
            {
                failures.Add(ex.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
