using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Requirements;

namespace PackDaemon.Packaging.Tests.Requirements;

public sealed class RequirementsFileParserTests : IDisposable
{
    private readonly string _root;

    public RequirementsFileParserTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "packd-req-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "project"));
    }

    private string ProjectRoot => Path.Combine(_root, "project");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Parse_PipFreezeOutput_ReadsRequirementsWithStartLines()
    {
        Write("requirements.txt", """
            # This file was written by pip freeze
            Flask==3.0.0
            click==8.1.7 ; python_version >= "3.8"   # trailing comment

            Werkzeug==3.0.1 \
                --hash=sha256:aaaa \
                --hash=sha256:bbbb
            itsdangerous==2.1.2 --hash=sha256:cccc --hash sha256:dddd
            Jinja2==3.1.2 # comment ending in a backslash is not a continuation \
            MarkupSafe==2.1.3
            """);

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Empty(bag.Items);
        Assert.Equal(
            ["Flask==3.0.0", "click==8.1.7; python_version >= \"3.8\"", "Werkzeug==3.0.1", "itsdangerous==2.1.2", "Jinja2==3.1.2", "MarkupSafe==2.1.3"],
            result.Requirements.Select(r => r.Requirement.ToMetadataString()));
        Assert.Equal([2, 3, 5, 8, 9, 10], result.Requirements.Select(r => r.Line));
        Assert.All(result.Requirements, r => Assert.Equal("requirements.txt", r.File));
        Assert.Equal(["requirements.txt"], result.FilesRead);
    }

    [Fact]
    public void Parse_Includes_ExpandInPlaceRelativeToIncludingFile()
    {
        Write("requirements.txt", "-r base.txt\nflask==3.0.0\n--requirement=sub/dev.txt\n");
        Write("base.txt", "click==8.1.7\n");
        Write("sub/dev.txt", "--requirement ../base.txt\n-rextra.txt\n");
        Write("sub/extra.txt", "pytest==8.0.0\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Empty(bag.Items);
        Assert.Equal(
            [("click", "base.txt", 1), ("flask", "requirements.txt", 2), ("click", "base.txt", 1), ("pytest", "sub/extra.txt", 1)],
            result.Requirements.Select(r => (r.Requirement.Name, r.File, r.Line)));
        Assert.Equal(["requirements.txt", "base.txt", "sub/dev.txt", "sub/extra.txt"], result.FilesRead);
    }

    [Fact]
    public void Parse_IncludeCycle_ReportedOnceAndNotFollowed()
    {
        Write("a.txt", "-r b.txt\nalpha==1\n");
        Write("b.txt", "beta==1\n-r a.txt\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("a.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsIncludeCycle, error.Code);
        Assert.Equal("b.txt", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("a.txt -> b.txt -> a.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal(["beta", "alpha"], result.Requirements.Select(r => r.Requirement.Name));
        Assert.Equal(["a.txt", "b.txt"], result.FilesRead);
    }

    [Fact]
    public void Parse_SelfInclude_IsACycle()
    {
        Write("requirements.txt", "flask==3\n-r ./requirements.txt\n");

        (_, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Equal(DiagnosticCodes.RequirementsIncludeCycle, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Parse_IncludeOutsideRoot_IsRefused()
    {
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "evil==1\n");
        Write("requirements.txt", "flask==3\n-r ../outside.txt\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsIncludeOutsideRoot, error.Code);
        Assert.Equal(("requirements.txt", 2), (error.File, error.Line));
        Assert.Equal(["flask"], result.Requirements.Select(r => r.Requirement.Name));
        Assert.Equal(["requirements.txt"], result.FilesRead);
    }

    [Fact]
    public void Parse_IncludeSymlinkLeavingRoot_IsRefused()
    {
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "evil==1\n");
        File.CreateSymbolicLink(Path.Combine(ProjectRoot, "linked.txt"), Path.Combine(_root, "outside.txt"));
        Write("requirements.txt", "-r linked.txt\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Equal(DiagnosticCodes.RequirementsIncludeOutsideRoot, Assert.Single(bag.Items).Code);
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Parse_MissingInclude_ReportsTheIncludeLine()
    {
        Write("requirements.txt", "# deps\n-r missing.txt\n");

        (_, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsFileNotFound, error.Code);
        Assert.Equal(("requirements.txt", 2, 1), (error.File, error.Line, error.Column));
        Assert.Contains("missing.txt", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Fix));
    }

    [Fact]
    public void Parse_MissingRootFile_ReportsIt()
    {
        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsFileNotFound, error.Code);
        Assert.Equal("requirements.txt", error.File);
        Assert.Empty(result.FilesRead);
    }

    [Theory]
    [InlineData("-e .", DiagnosticCodes.RequirementsEditable, 1)]
    [InlineData("--editable git+https://github.com/a/b.git#egg=b", DiagnosticCodes.RequirementsEditable, 1)]
    [InlineData("  -e ../sibling", DiagnosticCodes.RequirementsEditable, 3)]
    [InlineData(".", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("./pkg", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("../pkg", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("/abs/pkg", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("wheels/pkg-1.0-py3-none-any.whl", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("pkg-1.0.tar.gz", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("file:///tmp/pkg-1.0-py3-none-any.whl", DiagnosticCodes.RequirementsLocalPath, 1)]
    [InlineData("certifi @ file:///croot/certifi_1690232220950/work/certifi", DiagnosticCodes.RequirementsLocalPath, 11)]
    [InlineData("-i https://example.org/simple", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--index-url https://example.org/simple", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--extra-index-url=https://example.org/simple", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("-f ./wheels", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--find-links https://example.org/wheels", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--trusted-host example.org", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--no-binary :all:", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--only-binary=:all:", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("--pre", DiagnosticCodes.RequirementsPipOption, 1)]
    [InlineData("-c constraints.txt", DiagnosticCodes.RequirementsConstraint, 1)]
    [InlineData("--constraint constraints.txt", DiagnosticCodes.RequirementsConstraint, 1)]
    [InlineData("git+https://github.com/pallets/flask.git@main", DiagnosticCodes.RequirementsUnnamedUrl, 1)]
    [InlineData("https://example.org/pkg-1.0.tar.gz", DiagnosticCodes.RequirementsUnnamedUrl, 1)]
    [InlineData("pkg==1.0 --config-settings=x=y", DiagnosticCodes.RequirementsUnsupportedOption, 10)]
    [InlineData("--hash=sha256:abcd", DiagnosticCodes.RequirementsUnsupportedOption, 1)]
    [InlineData("--use-pep517", DiagnosticCodes.RequirementsUnsupportedOption, 1)]
    [InlineData("pkg==1.0 --hash=md5:0123abcd", DiagnosticCodes.RequirementsInvalidHash, 17)] // pip: sha256, sha384, sha512 only
    [InlineData("pkg==1.0 --hash sha1:0123abcd", DiagnosticCodes.RequirementsInvalidHash, 17)]
    [InlineData("pkg==1.0 --hash=sha256", DiagnosticCodes.RequirementsInvalidHash, 17)]
    [InlineData("pkg==1.0 --hash=sha256:not-hex!", DiagnosticCodes.RequirementsInvalidHash, 17)]
    [InlineData("pkg==${VERSION}", DiagnosticCodes.RequirementsEnvironmentVariable, 6)]
    [InlineData("pkg=1.0", DiagnosticCodes.InvalidRequirement, 4)]
    [InlineData("-r base.txt extra.txt", DiagnosticCodes.RequirementsUnsupportedOption, 13)]
    [InlineData("-r https://example.org/requirements.txt", DiagnosticCodes.RequirementsIncludeOutsideRoot, 1)]
    [InlineData("-r", DiagnosticCodes.RequirementsUnsupportedOption, 1)]
    [InlineData("pkg; os_name >= 'posix'", DiagnosticCodes.InvalidRequirement, 14)]
    public void Parse_RefusedLine_ReportsFileLineColumnAndFix(string line, string code, int column)
    {
        Write("requirements.txt", $"flask==3.0.0\n# comment\n{line}\nclick==8.1.7\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(code, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(("requirements.txt", 3, column), (error.File, error.Line, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        Assert.StartsWith("requirements.txt:3:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["flask", "click"], result.Requirements.Select(r => r.Requirement.Name));
    }

    [Fact]
    public void Parse_PipFreezeEditableComment_NamesThePackageInTheError()
    {
        Write("requirements.txt", "# Editable install with no version control (packd-demo==0.1.0)\n-e /home/me/packd-demo\n");

        (_, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsEditable, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("packd-demo==0.1.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamedHttpsUrl_AcceptedWithWarning()
    {
        Write("requirements.txt", "pkg @ https://example.org/pkg-1.0-py3-none-any.whl ; python_version >= '3.9'\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic warning = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsDirectUrl, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal((1, 7), (warning.Line, warning.Column));
        Assert.False(bag.HasErrors);
        Assert.Equal(
            "pkg @ https://example.org/pkg-1.0-py3-none-any.whl ; python_version >= \"3.9\"",
            Assert.Single(result.Requirements).Requirement.ToMetadataString());
    }

    [Fact]
    public void Parse_IdenticalDuplicates_AreKept()
    {
        Write("requirements.txt", "Flask==3.0.0\n-r other.txt\n");
        Write("other.txt", "flask==3.0.0\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Empty(bag.Items);
        Assert.Equal(2, result.Requirements.Count);
    }

    [Fact]
    public void Parse_SameNameDifferentMarkers_AreKept()
    {
        Write("requirements.txt", "numpy==1.24.4; python_version < '3.9'\nnumpy==1.26.4; python_version >= '3.9'\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Empty(bag.Items);
        Assert.Equal(2, result.Requirements.Count);
    }

    [Fact]
    public void Parse_ConflictingDuplicates_AreAnError()
    {
        Write("requirements.txt", "flask==3.0.0\nFlask==2.3.3\n");

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.RequirementsConflictingDuplicate, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("requirements.txt:1", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Requirements);
    }

    [Fact]
    public void Parse_ErrorOnContinuationLine_PointsAtTheStartLine()
    {
        Write("requirements.txt", "flask==3.0.0\nbroken \\\n    =1.0\n");

        (_, DiagnosticBag bag) = Parse("requirements.txt");

        Diagnostic error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.InvalidRequirement, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_CrLfAndBom_AreHandled()
    {
        File.WriteAllBytes(Path.Combine(ProjectRoot, "requirements.txt"), [0xEF, 0xBB, 0xBF, .. "flask==3.0.0\r\nclick==8.1.7 \\\r\n  --hash=sha256:ab\r\n"u8]);

        (RequirementsFileResult result, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Empty(bag.Items);
        Assert.Equal(["flask==3.0.0", "click==8.1.7"], result.Requirements.Select(r => r.Requirement.ToMetadataString()));
    }

    [Fact]
    public void Parse_NotUtf8_IsAnError()
    {
        File.WriteAllBytes(Path.Combine(ProjectRoot, "requirements.txt"), [0x66, 0x6C, 0xFF, 0xFE, 0x0A]);

        (_, DiagnosticBag bag) = Parse("requirements.txt");

        Assert.Equal(DiagnosticCodes.RequirementsFileEncoding, Assert.Single(bag.Items).Code);
    }

    private void Write(string relativePath, string content)
    {
        string path = Path.Combine(ProjectRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private (RequirementsFileResult Result, DiagnosticBag Bag) Parse(string relativePath)
    {
        var bag = new DiagnosticBag();
        RequirementsFileResult result = RequirementsFileParser.Parse(ProjectRoot, relativePath, bag);
        return (result, bag);
    }
}
