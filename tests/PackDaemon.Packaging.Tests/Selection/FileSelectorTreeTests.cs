using System.Text;
using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorTreeTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_AlwaysExcludedFoldersAtDepth_AreSkipped()
    {
        _tree.Files("app/__init__.py", "app/__pycache__/m.cpython-311.pyc", "app/sub/node_modules/x.js",
            "app/.mypy_cache/x.json", "app/.pytest_cache/v", "app/.ruff_cache/r", "app/.tox/t", "app/.nox/n",
            "app/.packd_cache/c", "app/app.egg-info/PKG-INFO", "app/.hg/h", "app/.svn/s", "app/.bzr/b", ".venv/lib/x.py",
            "app/mod.pyc", "app/mod.pyo", "app/ok.py");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py", "app/ok.py"], TempTree.Paths(selection.Sdist));
        Assert.Equal(["app/__init__.py", "app/ok.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_DistAndBuild_ExcludedOnlyAtProjectRoot()
    {
        _tree.Files("app/__init__.py", "dist/app-1.0.tar.gz", "build/lib/app/__init__.py", "app/build/__init__.py", "app/dist/x.txt");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py", "app/build/__init__.py", "app/dist/x.txt"], TempTree.Paths(selection.Wheel));
        Assert.DoesNotContain(TempTree.Paths(selection.Sdist), p => p.StartsWith("dist/", StringComparison.Ordinal) || p.StartsWith("build/", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_FolderHoldingPyvenvCfg_IsSkippedAsVirtualEnvironment()
    {
        _tree.Files("app/__init__.py", "env3/pyvenv.cfg", "env3/lib/site.py", "tools/run.py");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py", "tools/run.py"], TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_Output_IsSortedOrdinalWithForwardSlashes()
    {
        _tree.Files("app/__init__.py", "app-data.txt", "app/b.py", "B.txt", "a.txt");

        var (selection, _) = TempTree.Select(_tree.Options());

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.Equal(["B.txt", "a.txt", "app-data.txt", "app/__init__.py", "app/b.py"], sdist);
    }

    [Fact]
    public void Select_DecomposedName_IsNormalizedToNfc()
    {
        string decomposed = "cafe\u0301.txt";
        _tree.Files("app/__init__.py", "app/" + decomposed);

        var (selection, _) = TempTree.Select(_tree.Options());

        var file = Assert.Single(selection.Wheel, f => f.ArchivePath.StartsWith("app/caf", StringComparison.Ordinal));
        Assert.Equal("app/caf\u00e9.txt", file.ArchivePath);
        Assert.True(File.Exists(file.Source.FullPath));
    }

    [Fact]
    public void Select_SourceFile_CarriesSizeMtimeAndExecBit()
    {
        _tree.File("app/__init__.py", "hello").File("app/run.sh", "#!/bin/sh\n");
        string script = Path.Join(_tree.Root, "app", "run.sh");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var stamp = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Join(_tree.Root, "app", "__init__.py"), stamp);

        var (selection, _) = TempTree.Select(_tree.Options());

        var init = selection.Wheel.Single(f => f.ArchivePath == "app/__init__.py").Source;
        Assert.Equal(5, init.Size);
        Assert.Equal(stamp, init.LastWriteUtc);
        Assert.False(init.IsExecutable);
        Assert.Equal(!OperatingSystem.IsWindows(), selection.Wheel.Single(f => f.ArchivePath == "app/run.sh").Source.IsExecutable);
    }

    [Fact]
    public void Select_CaseCollidingPaths_ReportsError()
    {
        _tree.Files("app/__init__.py", "app/Readme.txt", "app/README.txt");

        var (_, diagnostics) = TempTree.Select(_tree.Options());

        var errors = diagnostics.Items.Where(d => d.Code == "PD3007").ToList();
        Assert.Equal(2, errors.Count); // once for the wheel, once for the sdist
        Assert.Contains("app/README.txt", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("app/Readme.txt", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_SdistRequiredFileIgnored_IsForcedIntoSdistOnly()
    {
        _tree.Files("app/__init__.py", "pyproject.toml", "LICENSE", "requirements.txt")
            .File(".gitignore", "requirements.txt\nLICENSE\n");

        var (selection, diagnostics) = TempTree.Select(_tree.Options(required: ["pyproject.toml", "LICENSE", "requirements.txt"]));

        var sdist = TempTree.Paths(selection.Sdist);
        Assert.Contains("LICENSE", sdist);
        Assert.Contains("requirements.txt", sdist);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Select_SdistRequiredFileMissing_ReportsError()
    {
        _tree.Files("app/__init__.py", "pyproject.toml");

        var (_, diagnostics) = TempTree.Select(_tree.Options(required: ["pyproject.toml", "README.md"]));

        var error = Assert.Single(diagnostics.Items, d => d.Code == "PD3006");
        Assert.Contains("README.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_RequiredFileInsideSkippedFolder_IsForcedIn()
    {
        _tree.Files("app/__init__.py", "build/VERSION");

        var (selection, diagnostics) = TempTree.Select(_tree.Options(required: ["build/VERSION"]));

        Assert.Contains("build/VERSION", TempTree.Paths(selection.Sdist));
        Assert.DoesNotContain("build/VERSION", TempTree.Paths(selection.Wheel));
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Select_TwentyThousandFiles_WalksQuickly()
    {
        var gitignore = new StringBuilder("*.log\n!keep*.log\n/tmp/\n");
        _tree.File(".gitignore", gitignore.ToString());
        for (int d = 0; d < 200; d++)
        {
            string dir = Path.Join(_tree.Root, "app", "d" + d);
            Directory.CreateDirectory(dir);
            for (int f = 0; f < 100; f++)
            {
                File.WriteAllText(Path.Join(dir, f % 10 == 0 ? $"f{f}.log" : $"f{f}.py"), string.Empty);
            }
        }

        File.WriteAllText(Path.Join(_tree.Root, "app", "__init__.py"), string.Empty);
        TempTree.Select(_tree.Options()); // warm up the JIT

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (selection, _) = TempTree.Select(_tree.Options());
        watch.Stop();

        Assert.Equal(18_001, selection.Wheel.Count);
        // A loose bound: CI machines are shared; it catches a quadratic walk, not a few percent.
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
