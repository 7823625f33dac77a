using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorExplainTests : IDisposable
{
    private readonly TempTree _tree = new();

    public FileSelectorExplainTests()
    {
        _tree.Files("pyproject.toml", "flask_shop/__init__.py", "flask_shop/debug.log", "flask_shop/keep.log",
                "flask_shop/__pycache__/x.pyc", "docs/index.md", "server.log", "manage.py", "dist/old.whl")
            .File(".gitignore", "# generated\n\n*.log\n")
            .File("flask_shop/.gitignore", "\n!keep.log\n");
    }

    public void Dispose() => _tree.Dispose();

    private FileExplanation Explain(string path) => FileSelector.Explain(_tree.Options("flask_shop", exclude: ["docs/**"]), path);

    [Fact]
    public void Explain_IgnoredFile_NamesFileLineAndPattern()
    {
        var e = Explain("server.log");
        Assert.False(e.InSdist);
        Assert.Equal("ignored by .gitignore:3 ('*.log')", e.SdistReason);
        Assert.Equal("ignored by .gitignore:3 ('*.log')", e.WheelReason);
    }

    [Fact]
    public void Explain_ReIncludedFile_NamesTheNegation()
    {
        var e = Explain("flask_shop/keep.log");
        Assert.True(e.InWheel);
        Assert.Equal("flask_shop/keep.log", e.WheelArchivePath);
        Assert.Equal("re-included by flask_shop/.gitignore:2 ('!keep.log')", e.SdistReason);
        Assert.Equal("included: inside package flask_shop; re-included by flask_shop/.gitignore:2 ('!keep.log')", e.WheelReason);
    }

    [Fact]
    public void Explain_PathInAlwaysExcludedFolder_SaysSo()
    {
        var e = Explain("flask_shop/__pycache__/x.pyc");
        Assert.False(e.InWheel);
        Assert.Equal("always excluded: __pycache__ folder (folder flask_shop/__pycache__/)", e.WheelReason);
        Assert.Equal("always excluded: dist folder at the project root (folder dist/)", Explain("dist/old.whl").SdistReason);
    }

    [Fact]
    public void Explain_FileOutsidePackages_IsInSdistOnly()
    {
        var e = Explain("manage.py");
        Assert.False(e.InWheel);
        Assert.Equal("outside any package (packages: flask_shop)", e.WheelReason);
        Assert.True(e.InSdist);
        Assert.Equal("included: not ignored by any rule", e.SdistReason);
    }

    [Fact]
    public void Explain_ExcludedByConfig_NamesTheGlob()
    {
        var e = Explain("docs/index.md");
        Assert.Equal("excluded by [tool.packd] exclude 'docs/**'", e.SdistReason);
        Assert.False(e.InSdist);
    }

    [Fact]
    public void Explain_PackageFile_IsInBoth()
    {
        var e = Explain("./flask_shop/__init__.py");
        Assert.True(e.InWheel);
        Assert.True(e.InSdist);
        Assert.Equal("included: inside package flask_shop", e.WheelReason);
    }

    [Fact]
    public void Explain_AgreesWithSelect_ForEveryFile()
    {
        var options = _tree.Options("flask_shop", exclude: ["docs/**"]);
        var selection = FileSelector.Select(options, new Diagnostics.DiagnosticBag());
        foreach (var file in selection.Sdist)
        {
            var e = FileSelector.Explain(options, file.Source.RelativePath);
            Assert.True(e.InSdist);
            Assert.Equal(file.Rule, e.SdistReason);
        }

        foreach (var file in selection.Wheel)
        {
            var e = FileSelector.Explain(options, file.Source.RelativePath);
            Assert.Equal(file.ArchivePath, e.WheelArchivePath);
        }
    }

    [Fact]
    public void Explain_UnknownPath_SaysNotFound()
    {
        var e = Explain("nope.txt");
        Assert.False(e.InSdist);
        Assert.StartsWith("not found", e.SdistReason, StringComparison.Ordinal);
    }
    [Fact]
    public void Explain_ReIncludeUnderIgnoredFolder_NamesTheFolderRule()
    {
        using var tree = new TempTree();
        tree.Files("app/__init__.py", "logs/keep.log").File(".gitignore", "logs/\n!logs/keep.log\n");

        var e = FileSelector.Explain(tree.Options(), "logs/keep.log");

        Assert.False(e.InSdist);
        Assert.Equal("ignored by .gitignore:1 ('logs/') (folder logs/)", e.SdistReason);
    }

    [Fact]
    public void Explain_RuleFromRepositoryAboveProject_ShowsRelativeIgnoreFile()
    {
        using var tree = new TempTree();
        tree.File(".git/HEAD", "ref: refs/heads/main\n").File(".gitignore", "*.env\n").Files("svc/app/__init__.py", "svc/prod.env");

        var e = FileSelector.Explain(tree.Options(root: Path.Join(tree.Root, "svc")), "prod.env");

        Assert.Equal("ignored by ../.gitignore:1 ('*.env')", e.SdistReason);
    }

    [Fact]
    public void Explain_IncludedDespiteIgnore_NamesBothRules()
    {
        using var tree = new TempTree();
        tree.Files("app/__init__.py", "app/static/dist/app.js").File(".gitignore", "dist/\n");

        var e = FileSelector.Explain(tree.Options(include: ["app/static/dist/**"]), "app/static/dist/app.js");

        Assert.True(e.InWheel);
        Assert.Equal("app/static/dist/app.js", e.WheelArchivePath);
        Assert.Equal("included by [tool.packd] include 'app/static/dist/**', although inside folder app/static/dist/ ignored by .gitignore:1 ('dist/')", e.SdistReason);
    }
}
