using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorGlobTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_IncludeGlob_AddsIgnoredBuiltAssetsToBothArtifacts()
    {
        _tree.Files("app/__init__.py", "app/static/dist/app.js", "app/static/dist/css/app.css", "app/static/dist/app.js.map")
            .File(".gitignore", "dist/\n*.map\n");

        var (selection, _) = TempTree.Select(_tree.Options(include: ["app/static/dist/**"], exclude: ["*.map"]));

        Assert.Equal(["app/__init__.py", "app/static/dist/app.js", "app/static/dist/css/app.css"], TempTree.Paths(selection.Wheel));
        Assert.Contains("app/static/dist/css/app.css", TempTree.Paths(selection.Sdist));
        Assert.StartsWith("included: inside package app; included by [tool.packd] include 'app/static/dist/**'",
            selection.Wheel[1].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_IncludeFolderName_TakesEverythingBelow()
    {
        _tree.Files("app/__init__.py", "app/generated/a.py", "app/generated/sub/b.py")
            .File(".gitignore", "generated/\n");

        var (selection, _) = TempTree.Select(_tree.Options(include: ["app/generated"]));

        Assert.Equal(["app/__init__.py", "app/generated/a.py", "app/generated/sub/b.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_ExcludeGlob_RemovesFromBothArtifacts()
    {
        _tree.Files("app/__init__.py", "app/fixtures/big.json", "docs/index.md", "docs/api/x.md", "README.md");

        var (selection, _) = TempTree.Select(_tree.Options(exclude: ["docs/**", "app/fixtures/"]));

        Assert.Equal(["README.md", "app/__init__.py"], TempTree.Paths(selection.Sdist));
        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_SlashlessExcludeGlob_MatchesAtAnyDepth()
    {
        _tree.Files("app/__init__.py", "app/a.bak", "b.bak", "app/deep/er/c.bak");

        var (selection, _) = TempTree.Select(_tree.Options(exclude: ["*.bak"]));

        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_GlobsAreCaseSensitive()
    {
        _tree.Files("app/__init__.py", "app/Notes.TXT", "app/notes.txt");

        var (selection, _) = TempTree.Select(_tree.Options(exclude: ["*.txt"]));

        Assert.Equal(["app/Notes.TXT", "app/__init__.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_EmptyGlob_ReportsError()
    {
        _tree.Files("app/__init__.py");

        var (_, diagnostics) = TempTree.Select(_tree.Options(exclude: [" "]));

        Assert.Single(diagnostics.Items, d => d.Code == "PD3009" && d.IsError);
    }
}
