using System.Diagnostics;
using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>Compares the native matcher with git itself on a tree full of edge cases.</summary>
public sealed class GitDifferentialTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_SdistFiles_EqualGitUntrackedNotIgnoredFiles()
    {
        _tree.File(".gitignore", string.Join('\n',
            "# comment", "*.log", "!important.log", "/root_only.txt", "docs/**/*.tmp", "**/cache/", "build_out/",
            "a/**/b/c.txt", "*.[oa]", "!lib.a", "foo?.txt", "\\#hash.txt", "\\!bang.txt", "trail.txt\\ ", "spaced.txt   ",
            "nested/*", "!nested/keep/", "dir_only_name/", "[[:digit:]]*.dat", "x/y", "ab**cd", ""));
        _tree.File("sub/.gitignore", "!*.log\n/local.txt\n")
            .File("sub/deeper/.gitignore", "*.txt\n!keep.txt\n")
            .File("excluded-by-info/.keep")
            .Files(
                "app/__init__.py", "app.log", "important.log", "x/important.log", "root_only.txt", "app/root_only.txt",
                "docs/a.tmp", "docs/p/q/r.tmp", "docs/keep.md", "cache/c.bin", "app/cache/d.bin", "app/cachex/e.bin",
                "build_out/o.txt", "app/build_out", "a/b/c.txt", "a/x/y/b/c.txt", "a/b/d.txt", "m.o", "lib.a", "z.a",
                "foo1.txt", "foo12.txt", "#hash.txt", "!bang.txt", "trail.txt ", "trail.txt", "spaced.txt",
                "nested/n.txt", "nested/keep/k.txt", "nested/other/o.txt", "dir_only_name/f", "app/dir_only_name",
                "1.dat", "a1.dat", "x/y", "q/x/y", "abzzcd", "ab/cd",
                "sub/s.log", "sub/local.txt", "sub/x/local.txt", "sub/deeper/d.txt", "sub/deeper/keep.txt", "sub/deeper/d.py",
                "my.secret");
        _tree.File(".git/info/exclude", "*.secret\nexcluded-by-info/\n");

        List<string> expected;
        try
        {
            Git("init", "-q");
            expected = [.. Git("-c", "core.excludesFile=/dev/null", "ls-files", "-z", "--others", "--exclude-standard")
                .Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("git is not installed");
            return;
        }

        // Guards that git really judged the tree (a few verdicts spelled out, both ways).
        Assert.Contains("nested/keep/k.txt", expected);
        Assert.Contains("sub/s.log", expected);
        Assert.Contains("app/build_out", expected);
        Assert.DoesNotContain("app.log", expected);
        Assert.DoesNotContain("my.secret", expected);

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(expected, TempTree.Paths(selection.Sdist));
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _tree.Root, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = _tree.Root;
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
