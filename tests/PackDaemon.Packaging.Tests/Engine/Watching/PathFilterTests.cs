using PackDaemon.Engine.Watching;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Engine.Watching;

public sealed class PathFilterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-filter-" + Guid.NewGuid().ToString("N"));
    private readonly PathFilter _filter;

    public PathFilterTests()
    {
        Directory.CreateDirectory(_root);
        _filter = new PathFilter(_root);
    }

    [Theory]
    [InlineData("node_modules/left-pad/index.js")]
    [InlineData("web/node_modules/x.js")]
    [InlineData("pkg/__pycache__/mod.cpython-312.pyc")]
    [InlineData("pkg/mod.pyc")]
    [InlineData(".venv/lib/python3.12/site-packages/x.py")]
    [InlineData(".tox/py312/log.txt")]
    [InlineData(".mypy_cache/3.12/x.json")]
    [InlineData(".pytest_cache/v/cache/nodeids")]
    [InlineData(".ruff_cache/content")]
    [InlineData("dist/app-1.0-py3-none-any.whl")]
    [InlineData("dist")]
    [InlineData("build/lib/app/__init__.py")]
    [InlineData("app.egg-info/PKG-INFO")]
    [InlineData(".git/objects/ab/cdef")]
    [InlineData(".git/index")]
    [InlineData(".git/refs/heads/main")]
    [InlineData(".packd_cache/index.bin")]
    [InlineData("vendor/.git/HEAD")]
    public void Drops(string path) => Assert.False(_filter.ShouldReport(path));

    [Theory]
    [InlineData("pkg/mod.py")]
    [InlineData("pyproject.toml")]
    [InlineData(".gitignore")]
    [InlineData("pkg/build/helpers.py")]
    [InlineData("pkg/dist/data.txt")]
    [InlineData("venv/not_really_a_venv.py")]
    [InlineData(".git/index.lock")]
    [InlineData(".git/rebase-merge")]
    [InlineData(".git/MERGE_HEAD")]
    [InlineData(".packd_cache/cookies/cookie-1")]
    public void Reports(string path) => Assert.True(_filter.ShouldReport(path));

    [Fact]
    public void FolderHoldingPyvenvCfg_IsDropped_EvenWhenItAppearsWhileWatching()
    {
        Directory.CreateDirectory(Path.Combine(_root, "env", "lib"));
        Assert.True(_filter.ShouldReport("env/lib/site.py"));

        File.WriteAllText(Path.Combine(_root, "env", "pyvenv.cfg"), "home = /usr/bin\n");
        Assert.False(_filter.ShouldReport("env/pyvenv.cfg"));

        Assert.False(_filter.ShouldReport("env/lib/site.py"));
    }

    [Fact]
    public void EveryDroppedFolder_IsOneTheSelectorNeverPackages()
    {
        // Dropping an event the selector cares about would leave a stale wheel: the two lists must agree.
        Assert.All(PathFilter.FoldersDroppedAnywhere, name => Assert.NotNull(AlwaysExcluded.FolderReason(name, atProjectRoot: false)));
        Assert.All(PathFilter.FoldersDroppedAtRoot, name => Assert.NotNull(AlwaysExcluded.FolderReason(name, atProjectRoot: true)));
        Assert.All(PathFilter.FoldersDroppedAtRoot, name => Assert.Null(AlwaysExcluded.FolderReason(name, atProjectRoot: false)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
