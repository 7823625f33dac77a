using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorIgnoreTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_NestedGitignoreWithNegation_DeeperFileOverrides()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/debug.log", "app/keep.log", "top.log")
            .File(".gitignore", "# logs\n*.log\n")
            .File("app/.gitignore", "!keep.log\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.Contains("app/keep.log", sdist);
        Assert.DoesNotContain("app/debug.log", sdist);
        Assert.DoesNotContain("top.log", sdist);
        Assert.Contains("app/keep.log", TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_ReIncludeUnderExcludedFolder_StaysOut()
    {
        _tree.Files("app/__init__.py", "logs/keep.log", "logs/other.log", "cache/keep.txt", "cache/drop.txt")
            .File(".gitignore", "logs/\n!logs/keep.log\ncache/*\n!cache/keep.txt\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.DoesNotContain("logs/keep.log", sdist);
        Assert.DoesNotContain("logs/other.log", sdist);
        Assert.Contains("cache/keep.txt", sdist);
        Assert.DoesNotContain("cache/drop.txt", sdist);
    }

    [Fact]
    public void Select_InfoExclude_IsApplied()
    {
        _tree.Files("app/__init__.py", "secret.txt", "notes.md")
            .File(".git/info/exclude", "secret.txt\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.DoesNotContain("secret.txt", sdist);
        Assert.Contains("notes.md", sdist);
        Assert.DoesNotContain(sdist, p => p.StartsWith(".git/", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_GitignoreOverridesInfoExclude()
    {
        _tree.Files("app/__init__.py", "a.tmp")
            .File(".git/info/exclude", "*.tmp\n")
            .File(".gitignore", "!a.tmp\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Contains("a.tmp", TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_ProjectInsideRepository_AppliesIgnoreFilesFromRepositoryRootDown()
    {
        _tree.File(".git/info/exclude", "*.bak\n")
            .File(".gitignore", "*.secret\n/services/shop/root-anchored.txt\n")
            .File("services/.gitignore", "shop/generated/\n")
            .Files("services/shop/app/__init__.py", "services/shop/app/x.secret", "services/shop/app/y.bak",
                "services/shop/generated/out.py", "services/shop/root-anchored.txt", "services/shop/pyproject.toml");

        var (selection, _) = TempTree.Select(_tree.Options(root: Path.Join(_tree.Root, "services", "shop")));

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Select_WorktreeGitFile_ReadsInfoExcludeFromCommonDir()
    {
        _tree.File("main/.git/info/exclude", "*.local\n")
            .File("main/.git/worktrees/wt/commondir", "../..\n")
            .File("wt/.git", "gitdir: ../main/.git/worktrees/wt\n")
            .Files("wt/app/__init__.py", "wt/settings.local");

        var (selection, _) = TempTree.Select(_tree.Options(root: Path.Join(_tree.Root, "wt")));

        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_AnchoredAndDoubleStarPatterns_FollowGitignoreRules()
    {
        _tree.Files("app/__init__.py", "app/todo.txt", "todo.txt", "a/x/y/tmp/f.py", "docs/build/index.html", "docs/keep.html")
            .File(".gitignore", "/todo.txt\n**/tmp/\ndocs/**/index.html\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.Contains("app/todo.txt", sdist);
        Assert.DoesNotContain("todo.txt", sdist);
        Assert.DoesNotContain("a/x/y/tmp/f.py", sdist);
        Assert.DoesNotContain("docs/build/index.html", sdist);
        Assert.Contains("docs/keep.html", sdist);
    }

    [Fact]
    public void Select_GitignoreWithCrlfAndBom_IsParsed()
    {
        _tree.Files("app/__init__.py", "a.log", "b.txt")
            .File(".gitignore", "\uFEFF*.log\r\nb.txt\r\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.DoesNotContain("a.log", TempTree.Paths(selection.Sdist));
        Assert.DoesNotContain("b.txt", TempTree.Paths(selection.Sdist));
    }
}
