using PackDaemon.Cli.Lsp;

namespace PackDaemon.Packaging.Tests.Lsp;

public sealed class RequirementHoverTests
{
    private const string Pyproject = """
        [build-system]
        requires = ["hatchling>=1.20"]

        [project]
        name = "shop"
        dependencies = [
            "Flask[async]>=2.0,<3",  # web
            'gunicorn ; sys_platform != "win32"',
        ]

        [project.optional-dependencies]
        dev = ["pytest>=8"]

        [tool.other]
        dependencies = "not a list"
        """;

    [Fact]
    public void RequirementsLine_ShowsNameSpecifierExtrasAndMarkers_WithoutCommentOrHashes()
    {
        var hover = RequirementHover.Create(PackagingFileKind.Requirements, "# c\nrequests[socks,security]>=2.31 ; python_version >= \"3.8\" --hash=sha256:ab  # x\n", 1, 2);

        Assert.NotNull(hover);
        var text = hover.Contents.Value;
        Assert.Contains("name: `requests`", text, StringComparison.Ordinal);
        Assert.Contains("specifier: `>=2.31`", text, StringComparison.Ordinal);
        Assert.Contains("extras: `security, socks`", text, StringComparison.Ordinal);
        Assert.Contains("markers: `python_version >= \"3.8\"`", text, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1, 56), (hover.Range!.Start.Line, hover.Range.Start.Character, hover.Range.End.Line, hover.Range.End.Character));
    }

    [Theory]
    [InlineData("-r base.txt")]
    [InlineData("--index-url https://example.org/simple")]
    [InlineData("# only a comment")]
    [InlineData("")]
    public void OptionAndCommentLines_HaveNoHover(string line)
        => Assert.Null(RequirementHover.Create(PackagingFileKind.Requirements, line, 0, 0));

    [Fact]
    public void InvalidRequirement_SaysWhyWithTheColumn()
    {
        var hover = RequirementHover.Create(PackagingFileKind.Requirements, "flask>=>2\n", 0, 1);

        Assert.NotNull(hover);
        Assert.StartsWith("**not a valid PEP 508 requirement**", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("at column", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 15, "hatchling")]
    [InlineData(6, 10, "Flask")]
    [InlineData(7, 8, "gunicorn")]
    [InlineData(11, 10, "pytest")]
    public void PyprojectDependencyStrings_HaveHovers(int line, int character, string name)
    {
        var hover = RequirementHover.Create(PackagingFileKind.Pyproject, Pyproject, line, character);

        Assert.NotNull(hover);
        Assert.Contains($"name: `{name}`", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void PyprojectHover_ReportsMarkersAndTheStringsRange()
    {
        var hover = RequirementHover.Create(PackagingFileKind.Pyproject, Pyproject, 7, 8);

        Assert.NotNull(hover);
        Assert.Contains("markers: `sys_platform != \"win32\"`", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal((5, 39), (hover.Range!.Start.Character, hover.Range.End.Character));
    }

    [Theory]
    [InlineData(4, 9)]   // name = "shop"
    [InlineData(14, 18)] // a "dependencies" key outside [project]
    [InlineData(6, 30)]  // in the comment after the string
    [InlineData(3, 3)]   // a table header
    public void OtherPlaces_HaveNoRequirementHover(int line, int character)
        => Assert.Null(RequirementHover.Create(PackagingFileKind.Pyproject, Pyproject, line, character));

    [Fact]
    public void OtherFiles_HaveNoHover()
        => Assert.Null(RequirementHover.Create(PackagingFileKind.Manifest, "include flask\n", 0, 3));
}
