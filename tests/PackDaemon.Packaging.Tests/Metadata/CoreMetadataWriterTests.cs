using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Metadata;

public sealed class CoreMetadataWriterTests
{
    private static readonly CoreMetadata s_example = new("My.App", "1.2.0rc1")
    {
        Summary = "One line only",
        ProjectUrls = [new ProjectUrl("Source", "https://example.org/src")],
        AuthorEmail = "Jane Doe <jane@example.org>",
        LicenseExpression = "MIT",
        LicenseFiles = ["LICENSE"],
        Classifiers = ["Framework :: Flask"],
        RequiresPython = ">=3.10",
        RequiresDist = ["flask>=3.0", "gunicorn; sys_platform != 'win32'"],
        Extras =
        [
            new MetadataExtra("postgres", ["psycopg[binary]>=3.2; extra == 'postgres'", "uvloop; (sys_platform != 'win32') and extra == 'postgres'"]),
        ],
        DescriptionContentType = "text/markdown",
        Description = "# My App\n(README body verbatim, UTF-8)\n",
    };

    [Fact]
    public void Write_ReferenceExample_FieldsInReferenceOrder()
    {
        // The example in python-packaging.md §2.4.
        const string Expected = """
            Metadata-Version: 2.4
            Name: My.App
            Version: 1.2.0rc1
            Summary: One line only
            Project-URL: Source, https://example.org/src
            Author-email: Jane Doe <jane@example.org>
            License-Expression: MIT
            License-File: LICENSE
            Classifier: Framework :: Flask
            Requires-Python: >=3.10
            Requires-Dist: flask>=3.0
            Requires-Dist: gunicorn; sys_platform != 'win32'
            Provides-Extra: postgres
            Requires-Dist: psycopg[binary]>=3.2; extra == 'postgres'
            Requires-Dist: uvloop; (sys_platform != 'win32') and extra == 'postgres'
            Description-Content-Type: text/markdown

            # My App
            (README body verbatim, UTF-8)

            """;

        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), CoreMetadataWriter.Write(s_example, ArtifactKind.Wheel));
    }

    public static TheoryData<string, ArtifactKind, string> VersionCases() => new()
    {
        { "plain", ArtifactKind.Wheel, "2.1" },
        { "plain", ArtifactKind.Sdist, "2.2" },
        { "content-type", ArtifactKind.Wheel, "2.1" },
        { "extra", ArtifactKind.Wheel, "2.1" },
        { "legacy-license", ArtifactKind.Wheel, "2.1" },
        { "legacy-license", ArtifactKind.Sdist, "2.2" },
        { "expression", ArtifactKind.Wheel, "2.4" },
        { "expression", ArtifactKind.Sdist, "2.4" },
        { "license-file", ArtifactKind.Wheel, "2.4" },
        { "license-file", ArtifactKind.Sdist, "2.4" },
        { "import-name", ArtifactKind.Wheel, "2.5" },
        { "import-name", ArtifactKind.Sdist, "2.5" },
    };

    [Theory]
    [MemberData(nameof(VersionCases))]
    public void SelectMetadataVersion_LowestCoveringFields(string fields, ArtifactKind kind, string expected)
    {
        var metadata = new CoreMetadata("a", "1");
        metadata = fields switch
        {
            "content-type" => metadata with { Description = "x", DescriptionContentType = "text/plain" },
            "extra" => metadata with { Extras = [new MetadataExtra("x", [])] },
            "legacy-license" => metadata with { License = "Proprietary" },
            "expression" => metadata with { LicenseExpression = "MIT" },
            "license-file" => metadata with { LicenseFiles = ["LICENSE"] },
            "import-name" => metadata with { ImportNames = ["a"] },
            _ => metadata,
        };

        Assert.Equal(expected, CoreMetadataWriter.SelectMetadataVersion(metadata, kind));
        Assert.StartsWith("Metadata-Version: " + expected + "\n", CoreMetadataWriter.Write(metadata, kind), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Sdist_HasNoDynamicField()
    {
        var text = CoreMetadataWriter.Write(s_example, ArtifactKind.Sdist);

        Assert.DoesNotContain("Dynamic:", text, StringComparison.Ordinal);
        Assert.StartsWith("Metadata-Version: 2.4\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\u000bb")]
    [InlineData("a\u000cb")]
    [InlineData("a\u001cb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void Write_LineBreakInSingleLineField_Throws(string summary)
    {
        Assert.Throws<ArgumentException>(() => CoreMetadataWriter.Write(new CoreMetadata("a", "1") { Summary = summary }, ArtifactKind.Wheel));
    }

    [Fact]
    public void Write_LegacyLicense_FoldedWithNonEmptyContinuationLines()
    {
        var text = CoreMetadataWriter.Write(new CoreMetadata("a", "1") { License = "Line 1\r\n\nLine 3\n" }, ArtifactKind.Wheel);

        Assert.Contains("License: Line 1\n        \n        Line 3\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DescriptionCrLf_BecomesLf()
    {
        var text = CoreMetadataWriter.Write(new CoreMetadata("a", "1") { Description = "a\r\nb\rc" }, ArtifactKind.Wheel);

        Assert.EndsWith("Version: 1\n\na\nb\nc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameModelTwice_SameBytes()
    {
        Assert.Equal(CoreMetadataWriter.Write(s_example, ArtifactKind.Wheel), CoreMetadataWriter.Write(s_example with { }, ArtifactKind.Wheel));
    }

    [Fact]
    public void Write_RoundTripThroughEmailParser_FieldsMatchModel()
    {
        var metadata = s_example with
        {
            Summary = "Ünïcödé — 日本語 summary",
            Author = "José Müller, Zoë",
            AuthorEmail = "Jürgen <j@example.org>, x@example.org",
            Keywords = ["web", "flask"],
            LicenseExpression = null,
            LicenseFiles = [],
            License = "Copyright (c) 2026 Zoë\n\nPermission is hereby granted:\n  indented line\n\n\nEnd.",
            Description = "# Tïtle\n\nBody line\n\nLast line\n",
        };

        var (headers, body, defects) = PythonMetadataParser.Parse(CoreMetadataWriter.Write(metadata, ArtifactKind.Sdist));

        Assert.Empty(defects);
        string One(string name) => Assert.Single(headers, h => h.Key == name).Value;
        List<string> All(string name) => headers.Where(h => h.Key == name).Select(h => h.Value).ToList();

        Assert.Equal("2.2", One("Metadata-Version"));
        Assert.Equal(metadata.Name, One("Name"));
        Assert.Equal(metadata.Version, One("Version"));
        Assert.Equal(metadata.Summary, One("Summary"));
        Assert.Equal("web,flask", One("Keywords"));
        Assert.Equal(metadata.Author, One("Author"));
        Assert.Equal(metadata.AuthorEmail, One("Author-email"));
        Assert.Equal(metadata.License, One("License").Replace("\n        ", "\n", StringComparison.Ordinal));
        Assert.Equal(["Source, https://example.org/src"], All("Project-URL"));
        Assert.Equal(metadata.Classifiers, All("Classifier"));
        Assert.Equal(metadata.RequiresPython, One("Requires-Python"));
        Assert.Equal(["postgres"], All("Provides-Extra"));
        Assert.Equal([.. metadata.RequiresDist, .. metadata.Extras[0].RequiresDist], All("Requires-Dist"));
        Assert.Equal(metadata.DescriptionContentType, One("Description-Content-Type"));
        Assert.Empty(All("License-Expression"));
        Assert.Empty(All("Dynamic"));
        Assert.Equal(metadata.Description, body);
    }

    [Fact]
    public void Write_NoDescription_HeadersOnlyAndParserSeesEmptyBody()
    {
        var text = CoreMetadataWriter.Write(new CoreMetadata("a", "1") { Summary = "s" }, ArtifactKind.Wheel);

        Assert.Equal("Metadata-Version: 2.1\nName: a\nVersion: 1\nSummary: s\n", text);
        var (headers, body, _) = PythonMetadataParser.Parse(text);
        Assert.Equal(4, headers.Count);
        Assert.Equal("", body);
    }
}
