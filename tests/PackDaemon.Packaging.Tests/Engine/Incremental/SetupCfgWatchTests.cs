using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>setup.cfg is the metadata source of a declarative setuptools project: a save of it must reload the
/// metadata, as a save of pyproject.toml does.</summary>
public sealed class SetupCfgWatchTests : IDisposable
{
    private readonly TempProject _project = new();
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    public void Dispose() => _project.Dispose();

    [Fact]
    public void EditToSetupCfg_ReloadsTheMetadata()
    {
        _project.Write("setup.cfg", "[metadata]\nname = shop\nversion = 1.0\n[options]\npackages = shop\n")
            .Write("setup.py", "from setuptools import setup\nsetup()\n")
            .Write("shop/__init__.py", "");
        var request = new BuildRequest(_project.Root, Path.Combine(_project.Root, "dist"), Wheel: true, Sdist: true, WriteArtifacts: true, SourceDateEpoch: null);
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        var first = builder.Build(request, ChangeHints.All, _cancel);
        Assert.True(first.Result.Succeeded, string.Join("\n", first.Result.Diagnostics));
        Assert.Contains(first.Result.Artifacts, a => Path.GetFileName(a.Path) == "shop-1.0-py3-none-any.whl");

        _project.Write("setup.cfg", "[metadata]\nname = shop\nversion = 1.1\n[options]\npackages = shop\n");
        var edited = builder.Build(request, ChangeHints.For(["setup.cfg"]), _cancel);

        Assert.False(edited.UpToDate);
        Assert.Contains(edited.Result.Artifacts, a => Path.GetFileName(a.Path) == "shop-1.1-py3-none-any.whl");
    }
}
