using System.IO.Compression;
using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>
/// Projects packd cannot emulate are built by their own PEP 517 backend in packd's Python worker: real Debian
/// setuptools and hatchling, through the real packd executable, judged by pip installing the result.
/// </summary>
public sealed class DelegatedBuildTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Build_SetupPyComputingItsMetadata_IsBuiltBySetuptools_AndTheWheelInstalls()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("delegate-setuppy");
        var output = temp.Combine("out");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--json", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var artifacts = json.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.Equal(2, artifacts.Count);
        Assert.All(artifacts, a =>
        {
            Assert.Equal("delegated:setuptools.build_meta:__legacy__", a.GetProperty("mode").GetString());
            Assert.Contains("setup.py", a.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("from PACKD_PYTHON", a.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.True(File.Exists(a.GetProperty("path").GetString()));
            Assert.Equal(64, a.GetProperty("sha256").GetString()!.Length);
            Assert.True(a.GetProperty("entries").GetInt32() > 0);
        });

        // The version (2.5.1) and the requirement exist only as results of setup.py's code.
        var wheel = Path.Combine(output, "computed_pkg-2.5.1-py3-none-any.whl");
        Assert.Equal(wheel, artifacts[0].GetProperty("path").GetString());
        // setuptools 66 still writes the old parenthesised form, "click (>=7)".
        Assert.Matches(@"(?m)^Requires-Dist: click ?\(?>=7\)?$", ReadEntry(wheel, "computed_pkg-2.5.1.dist-info/METADATA"));
        // Installed the way the task names it, into a fresh venv: tests/python's validator would also hold the backend's
        // wheel to packd's own rules (one timestamp, normalised modes), which setuptools does not follow.
        var venv = temp.Combine("venv");
        var created = await ProcessRunner.RunAsync(Python.Executable, ["-m", "venv", "--without-pip", venv]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var python = Path.Combine(venv, "bin", "python");
        var installed = await ProcessRunner.RunAsync(Python.Executable,
            ["-m", "pip", "--python", python, "install", "--no-index", "--no-deps", "--disable-pip-version-check", "-q", wheel]);
        Assert.True(installed.ExitCode == 0, installed.ToString());
        var imported = await ProcessRunner.RunAsync(python,
            ["-c", "import computed_pkg, importlib.metadata as m; print(computed_pkg.greet(), m.version('computed-pkg'))"], workingDirectory: venv);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal("computed ok 2.5.1", imported.StdOut.Trim());
    }

    [Fact]
    public async Task Build_HatchlingBuildHook_IsBuiltByHatchling_WithTheGeneratedFile()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("delegate-hatch-hook");
        var output = temp.Combine("out");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("delegated:hatchling.build", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("why: hatch build hook [tool.hatch.build.targets.wheel.hooks.custom]", result.StdOut, StringComparison.Ordinal);
        var wheel = Path.Combine(output, "hooked_pkg-0.3.0-py3-none-any.whl");
        Assert.Equal("BUILT_BY = \"hatch hook\"\n", ReadEntry(wheel, "hooked_pkg/_generated_build_info.py"));
        Assert.False(File.Exists(Path.Combine(project, "_generated_build_info.py")), "the hook must not write into the source tree");
    }

    [Fact]
    public async Task Build_BackendNotInstalled_FailsWithExitCode1_NamingThePackageToInstall()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("pdm-project");
        Directory.CreateDirectory(Path.Combine(project, "pdm_project"));
        File.WriteAllText(Path.Combine(project, "pdm_project", "__init__.py"), "");
        File.WriteAllText(Path.Combine(project, "pyproject.toml"), """
            [build-system]
            requires = ["pdm-backend"]
            build-backend = "pdm.backend"

            [project]
            name = "pdm-project"
            version = "1.0"

            [tool.packd]
            mode = "delegate"
            """);
        var output = temp.Combine("out");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PD6002", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("`pdm.backend` cannot be imported by /usr/bin/python3", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("no module named `pdm`", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/python3 -m pip install pdm-backend", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any(), "nothing may be written");
    }

    [Fact]
    public async Task Build_SetupPyThatRaises_ReportsItsTraceback_AndKeepsTheLastGoodArtifacts()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("delegate-setuppy");
        var output = temp.Combine("out");
        var good = await Packd.RunAsync(["build", project, "--no-daemon", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);
        Assert.True(good.ExitCode == 0, good.ToString());
        var before = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllBytes);

        var setupPy = Path.Combine(project, "setup.py");
        File.WriteAllText(setupPy, File.ReadAllText(setupPy).Replace(
            "def requirements():\n",
            "def requirements():\n    raise RuntimeError(\"the requirements file is corrupt\")\n",
            StringComparison.Ordinal));
        var broken = await Packd.RunAsync(["build", project, "--no-daemon", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("PD6003", broken.StdErr, StringComparison.Ordinal);
        Assert.Contains("Traceback (most recent call last)", broken.StdErr, StringComparison.Ordinal);
        Assert.Contains("RuntimeError: the requirements file is corrupt", broken.StdErr, StringComparison.Ordinal);
        Assert.Contains("in requirements", broken.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"setup\.py:\d+: error PD6003", broken.StdErr);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(output).Order());
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
    }

    [Fact]
    public async Task Build_HangingSetupPy_HitsTheTimeout_AndTheWorkerIsKilled()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("hangs");
        Directory.CreateDirectory(project);
        var pidFile = temp.Combine("worker.pid");
        File.WriteAllText(Path.Combine(project, "setup.py"), $"""
            import os, time
            from setuptools import setup
            with open({JsonSerializer.Serialize(pidFile)}, "w") as f:
                f.write(str(os.getpid()))
            print("about to wait forever", flush=True)
            time.sleep(3600)
            setup(name="hangs", version="1.0")
            """);

        // Short, yet long enough for a loaded machine to start Python and import setuptools before setup.py hangs.
        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", temp.Combine("out")],
            environment: DebianPython.Environment(("PACKD_DELEGATE_TIMEOUT", "8")), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PD6004", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("did not finish build_wheel within 8 s", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("about to wait forever", result.StdErr, StringComparison.Ordinal);
        var pid = File.ReadAllText(pidFile).Trim();
        await Eventually.WaitUntilAsync(() => !IsRunning(pid), TimeSpan.FromSeconds(10), $"the hung worker (pid {pid}) is gone");
    }

    private static bool IsRunning(string pid)
    {
        // A killed process may linger as a zombie until it is reaped; that no longer runs anything.
        var status = "/proc/" + pid + "/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }

    private static string ReadEntry(string wheel, string name)
    {
        using var zip = ZipFile.OpenRead(wheel);
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in {wheel}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
