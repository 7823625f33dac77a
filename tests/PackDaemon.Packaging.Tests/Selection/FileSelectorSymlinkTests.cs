using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorSymlinkTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly TempTree _outside = new();

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void Select_InRootFileLink_IsFollowedAndReadThroughTheLink()
    {
        _tree.Files("app/__init__.py").File("shared/config.json", "{\"a\":1}")
            .Link("app/config.json", Path.Join("..", "shared", "config.json"));

        var (selection, diagnostics) = TempTree.Select(_tree.Options());

        var file = Assert.Single(selection.Wheel, f => f.ArchivePath == "app/config.json");
        Assert.Equal(7, file.Source.Size);
        Assert.Equal("{\"a\":1}", File.ReadAllText(file.Source.FullPath));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Select_InRootFolderLink_IsFollowed()
    {
        _tree.Files("app/__init__.py", "assets/logo.svg")
            .Link("app/static", Path.Join(_tree.Root, "assets"));

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Contains("app/static/logo.svg", TempTree.Paths(selection.Wheel));
        Assert.Contains("assets/logo.svg", TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_OutOfRootLink_IsNotFollowedAndWarns()
    {
        _outside.File("passwd", "root:x:0:0");
        _tree.Files("app/__init__.py")
            .Link("app/passwd", Path.Join(_outside.Root, "passwd"))
            .Link("app/ext", _outside.Root);

        var (selection, diagnostics) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Sdist));
        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Wheel));
        var warnings = diagnostics.Items.Where(d => d.Code == "PD3001").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.File == "app/passwd" && w.Message.Contains(Path.Join(_outside.Root, "passwd"), StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.File == "app/ext");
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Select_DanglingLink_IsLeftOutWithWarning()
    {
        _tree.Files("app/__init__.py").Link("app/missing.txt", "nowhere.txt");

        var (selection, diagnostics) = TempTree.Select(_tree.Options());

        Assert.DoesNotContain("app/missing.txt", TempTree.Paths(selection.Sdist));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "PD3002");
        Assert.Equal("app/missing.txt", warning.File);
        Assert.Contains("nowhere.txt", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_FolderLinkCycle_IsCutWithWarning()
    {
        _tree.Files("app/__init__.py", "app/sub/m.py").Link("app/sub/loop", Path.Join("..", ".."));

        var (selection, diagnostics) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py", "app/sub/m.py"], TempTree.Paths(selection.Wheel));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "PD3003");
        Assert.Equal("app/sub/loop", warning.File);
    }

    [Fact]
    public void Explain_OutOfRootLink_NamesTheTarget()
    {
        _outside.File("passwd");
        string target = Path.Join(_outside.Root, "passwd");
        _tree.Files("app/__init__.py").Link("app/passwd", target);

        var explanation = FileSelector.Explain(_tree.Options(), "app/passwd");

        Assert.False(explanation.InWheel);
        Assert.False(explanation.InSdist);
        Assert.Equal($"symlink to {target} points outside the project root", explanation.SdistReason);
    }
}
