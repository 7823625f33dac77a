using System.IO.Compression;
using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>
/// Hybrid builds with the real packd and a real python3: a setuptools project whose <c>__version__</c> is computed by
/// code is built natively, with only that value asked of packd's Python worker; the result carries the version real
/// setuptools computes, and the mode says <c>native+evaluated:version</c>.
/// </summary>
public sealed class HybridBuildTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Build_ComputedSetuptoolsVersion_IsNativePlusEvaluated_WithTheVersionSetuptoolsComputes()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("hybrid-version");
        var output = temp.Combine("out");
        var log = temp.Combine("evaluations.log");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--json", "--out", output],
            environment: DebianPython.Environment(("HYBRID_EVALUATION_LOG", log)), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("native+evaluated:version", json.RootElement.GetProperty("mode").GetString());
        var artifacts = json.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.Equal(2, artifacts.Count);
        Assert.All(artifacts, a =>
        {
            Assert.Equal("native+evaluated:version", a.GetProperty("mode").GetString());
            Assert.Contains("version: hybrid_version.__version__ is computed by code; evaluated by /usr/bin/python3, cached until hybrid_version/__init__.py",
                a.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });

        // One import for both artifacts: the value is asked once per load.
        Assert.Equal(["1.4.2"], await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken));
        var wheel = Path.Combine(output, "hybrid_version-1.4.2-py3-none-any.whl");
        Assert.Equal(wheel, artifacts[0].GetProperty("path").GetString());
        Assert.Contains("\nVersion: 1.4.2\n", ReadEntry(wheel, "hybrid_version-1.4.2.dist-info/METADATA"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "hybrid_version-1.4.2.tar.gz")));

        // The same version the real backend computes by importing the module (Debian's setuptools).
        var reference = temp.Combine("reference");
        var copy = temp.CopyFixture("hybrid-version", "reference-project");
        var setuptools = await ProcessRunner.RunAsync(DebianPython.Executable,
            ["-c", "import sys, setuptools.build_meta as b; print(b.build_wheel(sys.argv[1]))", reference], workingDirectory: copy);
        Assert.True(setuptools.ExitCode == 0, setuptools.ToString());
        Assert.Equal(Path.GetFileName(wheel), setuptools.StdOut.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Build_ModuleRaises_FailsWithTheTracebackTail_AtTheProjectFrame()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("hybrid-version");
        await File.WriteAllTextAsync(Path.Combine(project, "hybrid_version", "_parts.py"), "VERSION = (1, 4, 2)\nraise ValueError(\"no version today\")\n", TestContext.Current.CancellationToken);

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", temp.Combine("out")],
            environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hybrid_version/_parts.py:2: error PD6010: `version` comes from `hybrid_version.__version__`", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("ValueError: no version today", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--- traceback ---", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Fix: Fix the error in the traceback (setuptools itself would fail the same way)", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")) && Directory.EnumerateFiles(temp.Combine("out")).Any());
    }

    [Fact]
    public async Task Build_NoUsableInterpreter_FailsNamingPythonAndPackdPython()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("hybrid-version");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", temp.Combine("out")],
            environment: DebianPython.Environment(("PACKD_PYTHON", temp.Combine("no-such-python"))), timeout: s_buildTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error PD6011", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--python or PACKD_PYTHON", result.StdErr, StringComparison.Ordinal);
    }

    internal static string ReadEntry(string wheel, string name)
    {
        using var zip = ZipFile.OpenRead(wheel);
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in {wheel}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
